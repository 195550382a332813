'use client'

import { type ArticlePlan, decisionKey, decisionLabel, existingStatus, type ImportDecision, matchReason } from '@/import/decisions'
import { CONFIDENCE_LABELS, type FieldConfidence, lowConfidenceFields } from '@/import/confidence'
import { describeEdition, EDITION_FIELDS } from '@/import/edition'
import type { FilePreview } from '@/import/endpoints'
import type { DocumentId } from '@/data/relationId'
import { ImportFindingsList } from './ImportFindingsList'

/** The edition as the form holds it: what the editor typed, or what the page said. */
export type EditionInput = { date: string; pageNumber: string; pageName: string }

type Props = {
  fileIndex: number
  preview: FilePreview
  edition: EditionInput
  onEdition: (edition: EditionInput) => void
  /** By decisionKey: a choice made for one match does not carry over to another. */
  decisions: Record<string, ImportDecision>
  onDecision: (key: string, decision: ImportDecision) => void
}

const articleLink = (id: DocumentId) => `/admin/collections/articles/${id}`

/** The editor's choice for the article, if it still applies, else the plan's default. */
export const chosen = (plan: ArticlePlan, decisions: Record<string, ImportDecision>): ImportDecision => {
  const decision = decisions[decisionKey(plan)]
  return decision && plan.choices.includes(decision) ? decision : plan.decision
}

function summary(plans: ArticlePlan[], decisions: Record<string, ImportDecision>): string {
  const count = (decision: ImportDecision) => plans.filter((plan) => chosen(plan, decisions) === decision).length
  const parts = [`新建 ${count('create')} 篇`, count('update') > 0 ? `更新 ${count('update')} 篇` : null, `跳过 ${count('skip')} 篇`]
  return `本版 ${plans.length} 篇：将${parts.filter(Boolean).join('，')}`
}

/** One file of the preview: its edition (prefilled from the page, editable) and what will happen to each article. */
export function ImportFilePreview({ fileIndex, preview, edition, onEdition, decisions, onDecision }: Props) {
  const id = (field: string) => `newsroom-import-${fileIndex}-${field}`
  const fromPage = preview.edition.fromPage
  const hint = (field: keyof EditionInput) => {
    if (fromPage[field] != null) return '（版面文本写明，可修改）'
    return preview.edition.missing.includes(field) ? '（必填：版面文本没有写明）' : ''
  }
  return (
    <div className="newsroom-import__file" data-testid={`import-file-${fileIndex}`}>
      <h2>{preview.name}</h2>
      <fieldset className="newsroom-import__edition">
        <legend>见报版面</legend>
        <div>
          <label htmlFor={id('date')}>
            {EDITION_FIELDS.date}
            <small>{hint('date')}</small>
          </label>
          <input id={id('date')} type="date" required value={edition.date} onChange={(event) => onEdition({ ...edition, date: event.target.value })} />
        </div>
        <div>
          <label htmlFor={id('page')}>
            {EDITION_FIELDS.pageNumber}
            <small>{hint('pageNumber')}</small>
          </label>
          <input id={id('page')} type="number" min={1} max={999} required value={edition.pageNumber} onChange={(event) => onEdition({ ...edition, pageNumber: event.target.value })} />
        </div>
        <div>
          <label htmlFor={id('page-name')}>
            {EDITION_FIELDS.pageName}
            <small>{hint('pageName')}</small>
          </label>
          <input id={id('page-name')} type="text" required maxLength={100} placeholder="县域新闻" value={edition.pageName} onChange={(event) => onEdition({ ...edition, pageName: event.target.value })} />
        </div>
      </fieldset>
      {preview.edition.value && (
        <p data-testid="import-edition">
          {/* The date picker shows the browser's own date format: say the day as the paper prints it. */}
          草稿将标为：{describeEdition(preview.edition.value)}
        </p>
      )}
      <p>
        {summary(preview.articles, decisions)}（{preview.encoding === 'gb18030' ? '已从 GB18030 转换' : 'UTF-8'}）
        {preview.parse.unassigned.length > 0 && `；${preview.parse.unassigned.length} 段无法归属，不会建稿`}
      </p>
      {!preview.edition.value && <p className="newsroom-import__warnings">填好见报日期后，才能核对同一天是否已有同题稿件。</p>}
      <ol className="newsroom-import__articles">
        {preview.articles.map((plan) => {
          const article = preview.parse.articles[plan.index]
          const decision = chosen(plan, decisions)
          return (
            <li key={plan.index} data-testid="import-article" data-status={plan.existing ? (plan.existing.onSite ? 'onSite' : 'exists') : 'new'}>
              <strong>{article.title}</strong>
              {article.column && <span>（{article.column.name}{article.column.installment ?? ''}）</span>}
              <span> {article.bylines.map((byline) => byline.name).join(' ')}</span>
              <span> · {article.paragraphs.length} 段</span>
              {article.photos.length > 0 && <span> · {article.photos.length} 张图片</span>}
              <LowConfidence confidence={article.confidence} />
              <div className="newsroom-import__status">
                <span className={`newsroom-import__badge newsroom-import__badge--${plan.existing ? (plan.existing.onSite ? 'on-site' : 'exists') : 'new'}`}>{existingStatus(plan.existing)}</span>
                {plan.existing && (
                  <span>
                    {' '}
                    {matchReason(plan.existing)}：{plan.existing.id != null ? <a href={articleLink(plan.existing.id)}>{plan.existing.title}</a> : plan.existing.title}
                  </span>
                )}
              </div>
              <label className="newsroom-import__decision">
                <span>处理方式</span>
                <select value={decision} disabled={plan.choices.length < 2} onChange={(event) => onDecision(decisionKey(plan), event.target.value as ImportDecision)}>
                  {plan.choices.map((choice) => (
                    <option key={choice} value={choice}>
                      {decisionLabel(choice, plan.existing)}
                    </option>
                  ))}
                </select>
              </label>
              <ImportFindingsList findings={plan.proofreading} />
              {article.warnings.length > 0 && (
                <ul className="newsroom-import__warnings">
                  {article.warnings.map((warning) => (
                    <li key={warning}>⚠ {warning}</li>
                  ))}
                </ul>
              )}
            </li>
          )
        })}
      </ol>
      {preview.parse.warnings.map((warning) => (
        <p key={warning}>⚠ {warning}</p>
      ))}
      {preview.parse.unassigned.length > 0 && (
        <details className="newsroom-import__unassigned" data-testid="import-unassigned">
          <summary>未能归入任何稿件的文字 {preview.parse.unassigned.length} 段（导入后保存在“导入记录”中，供复制到相应稿件）</summary>
          <ol>
            {preview.parse.unassigned.map((text, index) => (
              <li key={index}>{text}</li>
            ))}
          </ol>
        </details>
      )}
    </div>
  )
}

/** The fields the importer is unsure of, with how sure it is: what the editor checks first. */
function LowConfidence({ confidence }: { confidence: FieldConfidence | undefined }) {
  const fields = confidence ? lowConfidenceFields(confidence) : []
  if (!confidence || fields.length === 0) return null
  return (
    <p className="newsroom-import__doubts" data-testid="import-low-confidence">
      把握不足，请核对：{fields.map((field) => `${CONFIDENCE_LABELS[field]}（${Math.round((confidence[field] ?? 0) * 100)}%）`).join('、')}
    </p>
  )
}
