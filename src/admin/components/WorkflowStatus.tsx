'use client'

import { Button, ConfirmationModal, toast, useConfig, useDocumentInfo, useFormFields, useModal } from '@payloadcms/ui'
import { useState } from 'react'

import { WORKFLOW_STATE_LABELS, type WorkflowState } from '@/newsroom/workflow'
import { explainSaveRefusal } from './saveRefusal'
import { usePendingChanges } from './usePendingChanges'
import type { DocumentId } from '@/data/relationId'

/**
 * The status in the article's header: its 流程状态, the one status a desk works with, in place
 * of Payload's 草稿/已发布/已修改 pill, which follows `_status` and contradicted it (an approved
 * article read 草稿). A published article with saved changes not yet public says so, and an
 * editor may discard them: the last published version is restored and published again, which
 * changes nothing readers see and goes into the history as a restore. Payload's own 恢复到已发布
 * sent the public copy's old `updatedAt` and was refused as a stale save.
 */
export function WorkflowStatus() {
  const { id, hasPublishedDoc, hasPublishPermission, unpublishedVersionCount } = useDocumentInfo()
  const state = useFormFields(([fields]) => fields.workflowState?.value as WorkflowState | undefined)
  const label = state ? WORKFLOW_STATE_LABELS[state]?.zh : undefined
  if (!label) return null
  const changesNotPublic = state === 'published' && hasPublishedDoc && unpublishedVersionCount > 0
  return (
    <div className="status workflow-status" data-testid="workflow-status" title={`流程状态：${label}`}>
      <div className="workflow-status__wrap">
        <span className="workflow-status__state">
          <span className="status__label">流程状态：</span>
          <span className="status__value">{label}</span>
        </span>
        {changesNotPublic && (
          <>
            <span className="workflow-status__changes">（有未发布的修改）</span>
            {hasPublishPermission && id != null && <DiscardChanges articleId={id} />}
          </>
        )}
      </div>
    </div>
  )
}

/** Restores the article's newest published version over the changes saved since. */
function DiscardChanges({ articleId }: { articleId: DocumentId }) {
  const { config } = useConfig()
  const { toggleModal } = useModal()
  const pending = usePendingChanges()
  const [busy, setBusy] = useState(false)
  const modalSlug = `discard-unpublished-changes-${articleId}`
  const api = `${config.serverURL}${config.routes.api}/articles`

  const discard = async () => {
    setBusy(true)
    // Whatever the autosave has not stored yet is saved first, so the discarded changes stay in the version history.
    const saving = await pending.hold()
    if (!saving.ok) {
      toast.error(`未能保存您的修改，没有恢复线上版本。${saving.reason}`)
      setBusy(false)
      return
    }
    const query = `where[parent][equals]=${encodeURIComponent(String(articleId))}&where[version._status][equals]=published&sort=-updatedAt&limit=1&depth=0`
    const found = await fetch(`${api}/versions?${query}`, { credentials: 'include' }).catch(() => null)
    const versionId = ((await found?.json().catch(() => null)) as { docs?: { id: DocumentId }[] } | null)?.docs?.[0]?.id
    const restored =
      versionId == null ? null : await fetch(`${api}/versions/${versionId}?draft=false&depth=0`, { method: 'POST', credentials: 'include' }).catch(() => null)
    if (restored?.ok) {
      window.location.reload()
      return
    }
    const reason = restored
      ? explainSaveRefusal(await restored.json().catch(() => null), restored.status).reason
      : versionId == null
        ? '找不到已发布的版本。'
        : '无法连接服务器，请检查网络后再试。'
    await pending.release(saving.saved)
    toast.error(`没有恢复线上版本：${reason}`)
    setBusy(false)
  }

  return (
    <>
      {' — '}
      <Button buttonStyle="none" className="status__action" id="action-discard-unpublished-changes" disabled={busy} onClick={() => toggleModal(modalSlug)}>
        放弃修改，恢复线上版本
      </Button>
      <ConfirmationModal
        modalSlug={modalSlug}
        heading="放弃未发布的修改？"
        body="稿件将恢复为读者现在看到的已发布版本。放弃的修改仍保存在版本记录中，可以再恢复。"
        confirmLabel="放弃修改"
        confirmingLabel="正在恢复…"
        cancelLabel="取消"
        onConfirm={discard}
      />
    </>
  )
}
