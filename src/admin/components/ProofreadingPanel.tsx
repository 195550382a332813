'use client'

import { Button, useConfig, useDocumentInfo, useFormProcessing } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import type { ArticleProofreading } from '@/proofreading/server/articleReview'
import type { ReviewedFinding } from '@/proofreading/waivers'
import { FindingSummary } from './FindingSummary'
import { usePendingChanges } from './usePendingChanges'

/** Fields an editor can jump to, by the id Payload gives their input. */

/**
 * Selects the finding in the edit form: a text input's characters, or, in the body's editor, the
 * same occurrence of the text (the plain text's paragraph breaks differ from the editor's DOM, the
 * order of occurrences does not).
 */
function jumpTo(finding: ReviewedFinding, fieldText: string | null) {
  const input = document.getElementById(`field-${finding.field}`) as HTMLInputElement | HTMLTextAreaElement | null
  if (input && 'setSelectionRange' in input) {
    input.focus()
    input.setSelectionRange(finding.offset, finding.offset + finding.length)
    input.scrollIntoView({ block: 'center' })
    return
  }
  const editor = document.querySelector(`#field-${finding.field} [contenteditable="true"], .field-type.rich-text-lexical [contenteditable="true"]`)
  if (!editor || fieldText === null) return
  const occurrence = fieldText.slice(0, finding.offset).split(finding.text).length - 1
  const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT)
  const nodes: Text[] = []
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text)
  const whole = nodes.map((node) => node.data).join('')
  let at = -1
  for (let seen = 0; seen <= occurrence; seen += 1) at = whole.indexOf(finding.text, at + 1)
  if (at < 0) return
  const locate = (position: number) => {
    for (const node of nodes) {
      if (position <= node.data.length) return { node, offset: position }
      position -= node.data.length
    }
    return null
  }
  const start = locate(at)
  const end = locate(at + finding.text.length)
  if (!start || !end) return
  const range = document.createRange()
  range.setStart(start.node, start.offset)
  range.setEnd(end.node, end.offset)
  const selection = window.getSelection()
  selection?.removeAllRanges()
  selection?.addRange(range)
  start.node.parentElement?.scrollIntoView({ block: 'center' })
}

type Problem = string | null

/**
 * The 校对 panel: what the checker finds in the saved draft (GET /api/articles/:id/proofreading),
 * rerun after every save. Each finding can be shown in the form, its suggestion taken (the draft
 * is saved with it and the page reloads), or kept with a reason by a signer; 校对 and 终审 are
 * refused while an error is neither fixed nor kept.
 */
export function ProofreadingPanel() {
  const { id, savedDocumentData } = useDocumentInfo()
  const { config } = useConfig()
  const endpoint = `${config.serverURL}${config.routes.api}/articles/${id}/proofreading`
  const pending = usePendingChanges()
  const formProcessing = useFormProcessing()
  const [result, setResult] = useState<ArticleProofreading | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [problem, setProblem] = useState<Problem>(null)
  const [waiving, setWaiving] = useState<ReviewedFinding | null>(null)
  const [reason, setReason] = useState('')
  const savedAt = savedDocumentData?.updatedAt as string | undefined

  const load = useCallback(async () => {
    const response = await fetch(endpoint, { credentials: 'include' }).catch(() => null)
    if (response?.ok) setResult((await response.json()) as ArticleProofreading)
  }, [endpoint])

  useEffect(() => {
    if (id) void load()
  }, [id, load, savedAt])

  if (!id || !result) return null

  const act = async (label: string, body: Record<string, unknown>, reload: boolean) => {
    setBusy(label)
    setProblem(null)
    const saving = await pending.hold()
    if (!saving.ok) {
      setBusy(null)
      setProblem(`未能保存您的修改，${label}没有执行：${saving.reason}`)
      return
    }
    const updatedAt = (saving.saved?.updatedAt as string | undefined) ?? savedAt
    const response = await fetch(endpoint, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...body, updatedAt }) }).catch(() => null)
    if (response?.ok && reload) {
      window.location.reload()
      return
    }
    await pending.release(saving.saved)
    setBusy(null)
    if (response?.ok) {
      setResult((await response.json()) as ArticleProofreading)
      setWaiving(null)
      setReason('')
      return
    }
    const answer = (await response?.json().catch(() => null)) as { errors?: { message: string }[] } | null
    setProblem(answer?.errors?.[0]?.message ?? (response ? `${label}失败（${response.status}）` : '无法连接服务器，请检查网络后再试。'))
  }

  const errors = result.findings.filter((finding) => finding.severity === 'error')
  const open = errors.filter((finding) => !finding.waiver)
  const punctuationFixes = result.findings.filter((finding) => finding.category === 'punctuation' && !finding.waiver && finding.suggestion !== null).length
  const disabled = busy !== null || formProcessing

  return (
    <section className="proofreading-panel" data-testid="proofreading-panel" aria-label="校对">
      <h3 className="proofreading-panel__title">校对</h3>
      <p className="proofreading-panel__summary" data-testid="proofreading-summary">
        {result.characters} 字：差错 {errors.length} 处（待处理 {open.length}），提示 {result.findings.length - errors.length} 处；差错率 万分之{result.errorsPer10k}
      </p>
      {punctuationFixes > 1 && (
        <Button buttonStyle="secondary" size="small" disabled={disabled} onClick={() => void act('采纳全部标点建议', { action: 'acceptAll', categories: ['punctuation'] }, true)}>
          采纳全部标点建议（{punctuationFixes} 处）
        </Button>
      )}
      <ol className="proofreading-panel__findings">
        {result.findings.map((finding, index) => (
          <li key={`${finding.field}-${finding.offset}-${index}`} className={`proofreading-finding proofreading-finding--${finding.severity}${finding.waiver ? ' proofreading-finding--waived' : ''}`} data-testid="proofreading-finding">
            <p>
              <FindingSummary finding={finding} />
            </p>
            <p className="proofreading-finding__message">{finding.message}</p>
            {finding.waiver && (
              <p className="proofreading-finding__waiver">
                已豁免：{finding.waiver.reason}
              </p>
            )}
            <div className="proofreading-finding__actions">
              <Button buttonStyle="secondary" size="small" onClick={() => jumpTo(finding, result.fieldTexts[finding.field] ?? null)}>
                定位
              </Button>
              {finding.suggestion !== null && !finding.waiver && (
                <Button buttonStyle="secondary" size="small" disabled={disabled} onClick={() => void act('采纳建议', { action: 'accept', finding }, true)}>
                  采纳
                </Button>
              )}
              {finding.severity === 'error' && !finding.waiver && (
                <Button buttonStyle="secondary" size="small" disabled={disabled} onClick={() => setWaiving(finding)}>
                  豁免
                </Button>
              )}
            </div>
            {waiving === finding && (
              <div className="proofreading-finding__waive">
                <label>
                  豁免理由（必填）
                  <textarea value={reason} rows={2} onChange={(event) => setReason(event.target.value)} />
                </label>
                <Button buttonStyle="primary" size="small" disabled={disabled || !reason.trim()} onClick={() => void act('豁免', { action: 'waive', finding, reason }, false)}>
                  确认豁免
                </Button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {busy && <p role="status">正在{busy}…</p>}
      {problem && (
        <p role="alert" className="proofreading-panel__error">
          {problem}
        </p>
      )}
    </section>
  )
}
