import { Gutter, SetDocumentStepNav } from '@payloadcms/ui'
import type { DocumentViewServerProps } from 'payload'

import type { Article } from '@payload-types'
import { formatChineseDateTime } from '@/newsroom/dates'
import { WORKFLOW_STATE_LABELS, type WorkflowState } from '@/newsroom/workflow'
import { SITE_NAME } from '@/reader/site'
import { type ReviewSheet, reviewSheetOf, type SheetSignature } from '@/workflow/reviewSheet'
import { PrintButton } from './PrintButton'

const time = (value: string | null) => (value ? formatChineseDateTime(value) : '—')
const changes = (signature: Pick<SheetSignature, 'changes'>) => (signature.changes ? `增 ${signature.changes.inserted} 字，删 ${signature.changes.deleted} 字` : '—')
/** The first 16 hex digits are enough to compare by eye with the JSON's full fingerprint. */
const fingerprint = (hash: string | null) => (hash ? <code title={hash}>{hash.slice(0, 16)}</code> : '—')

function SignatureRows({ rows }: { rows: (Omit<SheetSignature, 'round'> & { required?: boolean })[] }) {
  return rows.map((row, index) => (
    <tr key={`${row.level}-${index}`} data-level={row.level} data-testid="review-sheet-row">
      <th scope="row">{row.label}</th>
      {row.required !== undefined && <td>{row.required ? '必经' : '不需要'}</td>}
      <td>{row.signer ? row.signer.name : row.required === false ? '—' : '未签'}</td>
      <td>{row.signer?.role ?? '—'}</td>
      <td>{time(row.signedAt)}</td>
      <td className="review-sheet__opinion">{row.opinion || '—'}</td>
      <td>{changes(row)}</td>
      <td>{fingerprint(row.contentHash)}</td>
    </tr>
  ))
}

function Sheet({ sheet }: { sheet: ReviewSheet }) {
  const { article } = sheet
  const state = WORKFLOW_STATE_LABELS[(article.state ?? 'draft') as WorkflowState]?.zh ?? article.state
  return (
    <article className="review-sheet" aria-labelledby="review-sheet-title">
      <header className="review-sheet__header">
        <h1 id="review-sheet-title">{SITE_NAME} 审稿单</h1>
        <PrintButton label="打印审稿单" />
      </header>
      <table className="review-sheet__meta">
        <tbody>
          <tr>
            <th scope="row">稿件标题</th>
            <td colSpan={3}>{article.title}</td>
          </tr>
          <tr>
            <th scope="row">部门</th>
            <td>{article.desk ?? '未指定'}</td>
            <th scope="row">作者</th>
            <td>{article.author ?? '—'}</td>
          </tr>
          <tr>
            <th scope="row">字数</th>
            <td>{article.wordCount} 字</td>
            <th scope="row">流程状态</th>
            <td>
              {state}（第 {article.round} 轮审稿）
            </td>
          </tr>
        </tbody>
      </table>
      {sheet.notice && <p className="review-sheet__notice">{sheet.notice}</p>}
      <h2>三审签字</h2>
      <table className="review-sheet__table">
        <thead>
          <tr>
            <th scope="col">审级</th>
            <th scope="col">本稿要求</th>
            <th scope="col">签字人</th>
            <th scope="col">身份</th>
            <th scope="col">签字时间</th>
            <th scope="col">审稿意见</th>
            <th scope="col">本级改动</th>
            <th scope="col">所签内容指纹</th>
          </tr>
        </thead>
        <tbody>
          <SignatureRows rows={sheet.levels} />
        </tbody>
      </table>
      <h2>校对记录</h2>
      {sheet.proofreading.length === 0 ? (
        <p>没有校对签字。</p>
      ) : (
        <table className="review-sheet__table">
          <thead>
            <tr>
              <th scope="col">校次</th>
              <th scope="col">校对</th>
              <th scope="col">身份</th>
              <th scope="col">时间</th>
              <th scope="col">意见</th>
              <th scope="col">改动</th>
              <th scope="col">内容指纹</th>
            </tr>
          </thead>
          <tbody>
            <SignatureRows rows={sheet.proofreading.map((row, index) => ({ ...row, label: `第 ${index + 1} 校（第 ${row.round ?? '—'} 轮）` }))} />
          </tbody>
        </table>
      )}
      <h2>退回记录</h2>
      {sheet.returns.length === 0 ? (
        <p>没有退回。</p>
      ) : (
        <ol className="review-sheet__returns">
          {sheet.returns.map((entry, index) => (
            <li key={index}>
              {time(entry.at)}，{entry.by?.name ?? '—'}在{entry.label ?? '审稿'}时退回（第 {entry.round ?? '—'} 轮）：{entry.note ?? '—'}
            </li>
          ))}
        </ol>
      )}
      <h2>校对豁免</h2>
      {sheet.waivers.length === 0 ? (
        <p>没有豁免的校对意见。</p>
      ) : (
        <ol className="review-sheet__returns" data-testid="review-sheet-waivers">
          {sheet.waivers.map((waiver, index) => (
            <li key={index}>
              {time(waiver.waivedAt)}，{waiver.waivedByName ?? '—'}豁免“{waiver.text ?? ''}”（{waiver.message ?? ''}）：{waiver.reason}
            </li>
          ))}
        </ol>
      )}
      <footer className="review-sheet__footer">打印时间：{formatChineseDateTime(new Date())}（北京时间）</footer>
    </article>
  )
}

/** The 审稿单 tab of an article: the review sheet of GET /api/articles/:id/review-sheet, laid out to print on A4. */
export async function ReviewSheetView({ initPageResult }: DocumentViewServerProps) {
  const { collectionConfig, docID, req } = initPageResult
  const article = await req.payload.findByID({ collection: 'articles', id: docID!, draft: true, depth: 0, overrideAccess: false, req, user: req.user }).catch(() => null)
  return (
    <>
      <SetDocumentStepNav collectionSlug="articles" id={docID} pluralLabel={collectionConfig?.labels?.plural} useAsTitle="title" view="审稿单" />
      <main>
        <Gutter>{article ? <Sheet sheet={await reviewSheetOf(req, article as Article)} /> : <p>稿件不存在或您无权查看。</p>}</Gutter>
      </main>
    </>
  )
}
