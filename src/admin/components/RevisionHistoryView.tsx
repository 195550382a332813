import { Gutter, SetDocumentStepNav } from '@payloadcms/ui'
import type { DocumentViewServerProps } from 'payload'

import type { FieldDiff } from '@/newsroom/articleDiff'
import { formatChineseDateTime } from '@/newsroom/dates'
import type { DiffOp } from '@/newsroom/textDiff'
import { REVISION_STAGE_LABELS, type RevisionStage, revisionHistoryOf } from '@/workflow/revisionHistory'
import { diffVersions } from '@/workflow/versionText'
import { PrintButton } from './PrintButton'

type Props = DocumentViewServerProps & { searchParams?: { from?: string; to?: string } }

/** Unchanged text around an edit: enough to find the place, not the whole article again. */
const CONTEXT = 24

function shortened(text: string, position: 'first' | 'middle' | 'last'): string {
  const characters = [...text]
  if (characters.length <= CONTEXT * 2) return text
  const head = characters.slice(0, CONTEXT).join('')
  const tail = characters.slice(-CONTEXT).join('')
  if (position === 'first') return `……${tail}`
  if (position === 'last') return `${head}……`
  return `${head}……${tail}`
}

function Ops({ ops }: { ops: DiffOp[] }) {
  return ops.map((op, index) => {
    if (op.op === 'insert') return <ins key={index}>{op.text}</ins>
    if (op.op === 'delete') return <del key={index}>{op.text}</del>
    return <span key={index}>{shortened(op.text, index === 0 ? 'first' : index === ops.length - 1 ? 'last' : 'middle')}</span>
  })
}

function Fields({ fields }: { fields: FieldDiff[] }) {
  return (
    <dl className="revision__fields">
      {fields.map((field) => (
        <div key={field.field} data-field={field.field}>
          <dt>{field.label}</dt>
          <dd className="revision__text">
            <Ops ops={field.ops} />
          </dd>
        </div>
      ))}
    </dl>
  )
}

const STAGES = Object.keys(REVISION_STAGE_LABELS) as RevisionStage[]

/**
 * The 修改留痕 tab of an article: every saved change since it was written, oldest first, each
 * coloured by the stage it was made at (采写, 初审, 复审, 校对, 终审) and naming who made it;
 * `?from=&to=` compares any two versions instead (GET /api/articles/:id/diff).
 */
export async function RevisionHistoryView({ initPageResult, searchParams = {} }: Props) {
  const { collectionConfig, docID, req } = initPageResult
  const article = await req.payload.findByID({ collection: 'articles', id: docID!, draft: true, depth: 0, overrideAccess: false, req, user: req.user, select: { title: true } }).catch(() => null)
  const compared = article && searchParams.from && searchParams.to ? await diffVersions(req, article.id, searchParams.from, searchParams.to) : null
  const revisions = article && !compared ? await revisionHistoryOf(req, article.id) : []
  return (
    <>
      <SetDocumentStepNav collectionSlug="articles" id={docID} pluralLabel={collectionConfig?.labels?.plural} useAsTitle="title" view="修改留痕" />
      <main className="revisions">
        <Gutter>
          <header className="review-sheet__header">
            <h1>修改留痕{article ? `：${article.title}` : ''}</h1>
            <PrintButton />
          </header>
          {!article && <p>稿件不存在或您无权查看。</p>}
          <ul className="revisions__legend" aria-label="颜色说明">
            {STAGES.map((stage) => (
              <li key={stage} className={`revision--${stage}`}>
                <ins>{REVISION_STAGE_LABELS[stage]}</ins>
              </li>
            ))}
            <li>
              <del>删去的文字</del>
            </li>
          </ul>
          {compared && <Fields fields={compared.filter((field) => field.ops.some((op) => op.op !== 'equal'))} />}
          {article && !compared && revisions.length === 0 && <p>稿件保存以来文字没有改动。</p>}
          <ol className="revisions__list">
            {revisions.map((revision) => (
              <li key={String(revision.version)} className={`revision revision--${revision.stage}`} data-stage={revision.stage} data-testid="revision">
                <p className="revision__meta">
                  <time dateTime={revision.savedAt}>{formatChineseDateTime(revision.savedAt)}</time> · {revision.savedBy ?? '未记录保存人'} · {REVISION_STAGE_LABELS[revision.stage]}
                  {revision.stage === 'writing' ? '' : '阶段'}
                  {revision.autosave && '（自动保存）'}
                </p>
                <Fields fields={revision.fields} />
              </li>
            ))}
          </ol>
        </Gutter>
      </main>
    </>
  )
}
