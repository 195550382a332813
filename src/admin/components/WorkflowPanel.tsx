'use client'

import { Button, useConfig, useDocumentInfo, useFormProcessing } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import { formatChineseDateTime, fromShanghaiLocalInput } from '@/newsroom/dates'
import { WORKFLOW_STATE_LABELS, type WorkflowState } from '@/newsroom/workflow'
import type { ReturnNote as ReturnNoteData } from '@/workflow/returnNotes'
import { ReturnNote } from './ReturnNote'
import { usePendingChanges } from './usePendingChanges'
import { type ConfirmedAction, useWorkflowConfirmation } from './WorkflowConfirmation'

/** `level`: the 三审 level a signature or a return acts at. */
type Option = { action: string; label: string; level?: string | null; noteRequired: boolean; needsPublishTime: boolean }
type Options = { state: WorkflowState; scheduledFor: string | null; returnNote: ReturnNoteData | null; actions: Option[] }

/** Readers see these at once and they cannot simply be undone: each asks first. */
const CONFIRMED: ReadonlySet<string> = new Set<ConfirmedAction>(['publish', 'retract'])
/** What went wrong: a headline saying what did not happen, when there is one, and the server's reason. */
type Problem = { headline?: string; reason: string }

/**
 * The article's place in the workflow and the actions this user may take on it. The server
 * decides both (GET /api/articles/:id/workflow); this panel only shows them. An action first
 * saves the changes the autosave has not saved yet (usePendingChanges) and is not taken when
 * that save is refused; after it the page reloads and shows the new state and the saved text.
 */
export function WorkflowPanel() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const endpoint = `${config.serverURL}${config.routes.api}/articles/${id}/workflow`
  const pending = usePendingChanges()
  // While a save or another workflow button holds the form, an action would only wait for it.
  const formProcessing = useFormProcessing()
  const [options, setOptions] = useState<Options | null>(null)
  const [note, setNote] = useState('')
  const [publishAt, setPublishAt] = useState('')
  const [problem, setProblem] = useState<Problem | null>(null)
  const [progress, setProgress] = useState<string | null>(null)
  const confirmation = useWorkflowConfirmation()

  const load = useCallback(async () => {
    const response = await fetch(endpoint, { credentials: 'include' })
    if (response.ok) setOptions((await response.json()) as Options)
  }, [endpoint])

  useEffect(() => {
    if (id) void load()
  }, [id, load])

  if (!id) return <p className="workflow-panel__hint">保存草稿后即可提交审核。</p>
  if (!options) return null

  /** Says what is missing before anything is saved or asked; then asks, when the action calls for it. */
  const start = (option: Option) => {
    if (option.noteRequired && !note.trim()) {
      setProblem({ reason: `请先填写${option.label}的说明` })
      return
    }
    const publishInstant = fromShanghaiLocalInput(publishAt)
    if (option.needsPublishTime && !publishInstant) {
      setProblem({ reason: '请先选择发布时间（北京时间）' })
      return
    }
    setProblem(null)
    if (CONFIRMED.has(option.action)) confirmation.ask(option.action as ConfirmedAction, () => run(option, publishInstant), note)
    else void run(option, publishInstant)
  }

  const run = async (option: Option, publishInstant: Date | null) => {
    setProgress('正在保存您的修改…')
    const saving = await pending.hold()
    if (!saving.ok) {
      setProgress(null)
      setProblem({ headline: `未能保存您的修改，“${option.label}”没有执行。`, reason: saving.reason })
      return
    }
    setProgress(`正在${option.label}…`)
    const response = await fetch(endpoint, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: option.action, level: option.level ?? undefined, note, publishAt: option.needsPublishTime ? publishInstant?.toISOString() : undefined }),
    }).catch(() => null)
    if (response?.ok) {
      // The form stays held: nothing typed now could be saved before the page shows the new state.
      window.location.reload()
      return
    }
    const body = (await response?.json().catch(() => null)) as { errors?: { message: string }[] } | null
    const reason = body?.errors?.[0]?.message ?? (response ? `操作失败（${response.status}）` : '无法连接服务器，请检查网络后再试。')
    await pending.release(saving.saved)
    setProgress(null)
    setProblem(saving.saved ? { headline: `您的修改已保存，但“${option.label}”没有执行。`, reason } : { reason })
    void load()
  }

  return (
    <div className="workflow-panel" data-testid="workflow-panel">
      <p className="workflow-panel__state">
        流程状态：<strong data-testid="workflow-state">{WORKFLOW_STATE_LABELS[options.state].zh}</strong>
      </p>
      {options.returnNote && <ReturnNote note={options.returnNote} testId="return-note-panel" />}
      {options.scheduledFor && (
        <p className="workflow-panel__scheduled" data-testid="workflow-scheduled-for">
          计划发布：{formatChineseDateTime(options.scheduledFor)}
        </p>
      )}
      {options.actions.length > 0 && (
        <>
          <label className="workflow-panel__note">
            说明（退回理由、撤稿说明等）
            <textarea value={note} onChange={(event) => setNote(event.target.value)} rows={3} />
          </label>
          {options.actions.some((option) => option.needsPublishTime) && (
            <label className="workflow-panel__note">
              发布时间（北京时间）
              <input type="datetime-local" value={publishAt} onChange={(event) => setPublishAt(event.target.value)} />
            </label>
          )}
          <div className="workflow-panel__actions">
            {options.actions.map((option) => (
              <Button key={option.action} buttonStyle="secondary" size="small" disabled={progress !== null || formProcessing} onClick={() => start(option)}>
                {option.label}
              </Button>
            ))}
          </div>
        </>
      )}
      {progress && (
        <p className="workflow-panel__progress" role="status">
          {progress}
        </p>
      )}
      {problem && (
        <p className="workflow-panel__error" role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {problem.headline && (
            <>
              <strong>{problem.headline}</strong>
              <br />
            </>
          )}
          {problem.reason}
        </p>
      )}
      {confirmation.modal}
    </div>
  )
}
