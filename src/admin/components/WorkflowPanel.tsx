'use client'

import { Button, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import { formatChineseDateTime, fromShanghaiLocalInput } from '../../newsroom/dates'
import { WORKFLOW_STATE_LABELS, type WorkflowState } from '../../newsroom/workflow'

type Option = { action: string; label: string; noteRequired: boolean; needsPublishTime: boolean }
type Options = { state: WorkflowState; scheduledFor: string | null; actions: Option[] }

/**
 * The article's place in the workflow and the actions this user may take on it. The server
 * decides both (GET /api/articles/:id/workflow); this panel only shows them.
 */
export function WorkflowPanel() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const endpoint = `${config.serverURL}${config.routes.api}/articles/${id}/workflow`
  const [options, setOptions] = useState<Options | null>(null)
  const [note, setNote] = useState('')
  const [publishAt, setPublishAt] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    const response = await fetch(endpoint, { credentials: 'include' })
    if (response.ok) setOptions((await response.json()) as Options)
  }, [endpoint])

  useEffect(() => {
    if (id) void load()
  }, [id, load])

  if (!id) return <p className="workflow-panel__hint">保存草稿后即可提交审核。</p>
  if (!options) return null

  const run = async (option: Option) => {
    if (option.noteRequired && !note.trim()) {
      setError(`请先填写${option.label}的说明`)
      return
    }
    const publishInstant = fromShanghaiLocalInput(publishAt)
    if (option.needsPublishTime && !publishInstant) {
      setError('请先选择发布时间（北京时间）')
      return
    }
    setBusy(true)
    setError(null)
    const response = await fetch(endpoint, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: option.action, note, publishAt: option.needsPublishTime ? publishInstant?.toISOString() : undefined }),
    })
    setBusy(false)
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { errors?: { message: string }[] } | null
      setError(body?.errors?.[0]?.message ?? `操作失败（${response.status}）`)
      return
    }
    window.location.reload()
  }

  return (
    <div className="workflow-panel" data-testid="workflow-panel">
      <p className="workflow-panel__state">
        流程状态：<strong data-testid="workflow-state">{WORKFLOW_STATE_LABELS[options.state].zh}</strong>
      </p>
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
              <Button key={option.action} buttonStyle="secondary" size="small" disabled={busy} onClick={() => void run(option)}>
                {option.label}
              </Button>
            ))}
          </div>
        </>
      )}
      {error && (
        <p className="workflow-panel__error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
