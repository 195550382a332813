'use client'

import { Button, toast, useConfig, useDocumentInfo, useEditDepth, useForm, useFormModified, useFormProcessing, useHotkey } from '@payloadcms/ui'
import { useState } from 'react'

import { explainSaveRefusal } from './saveRefusal'
import { usePendingChanges } from './usePendingChanges'
import { type ConfirmedAction, useWorkflowConfirmation } from './WorkflowConfirmation'

/**
 * Payload's 发布 button for the article, as a workflow button: it first saves the changes the
 * autosave has not saved yet, as a draft (usePendingChanges), and publishes only if that save
 * succeeded; then the page reloads and shows the new state. Payload's own button published the
 * form in one request, and when the server refused (an embargo, a stale copy) it marked the form
 * as saved: the change was never autosaved. Ctrl/⌘+S saves the draft, as Payload's button did.
 */
export function SaveThenPublishButton({ label, confirmAs }: { label: string; /** Asks first, saying what readers will see. */ confirmAs?: ConfirmedAction }) {
  const { id, collectionSlug, hasPublishPermission, hasPublishedDoc, unpublishedVersionCount, uploadStatus } = useDocumentInfo()
  const { config } = useConfig()
  const form = useForm()
  const modified = useFormModified()
  // Another save or workflow action holds the form: this one would only wait for it.
  const formProcessing = useFormProcessing()
  const editDepth = useEditDepth()
  const pending = usePendingChanges()
  const [busy, setBusy] = useState(false)
  const confirmation = useWorkflowConfirmation()
  const canPublish = hasPublishPermission && (modified || unpublishedVersionCount > 0 || !hasPublishedDoc) && uploadStatus !== 'uploading'

  const publish = async () => {
    setBusy(true)
    const saving = await pending.hold()
    if (!saving.ok) {
      toast.error(`未能保存您的修改，没有${label}。${saving.reason}`)
      setBusy(false)
      return
    }
    // The saved draft (or, with nothing to save, the version the form shows) is what goes public.
    const updatedAt = saving.saved?.updatedAt ?? form.getData().updatedAt
    const response = await fetch(`${config.serverURL}${config.routes.api}/${collectionSlug}/${id}?depth=0`, {
      method: 'PATCH',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ _status: 'published', updatedAt }),
    }).catch(() => null)
    if (response?.ok) {
      window.location.reload()
      return
    }
    const { reason, fieldErrors } = response
      ? explainSaveRefusal(await response.json().catch(() => null), response.status)
      : { reason: '无法连接服务器，请检查网络后再试。', fieldErrors: [] }
    await pending.release(saving.saved)
    // Publishing validates the whole article, which a draft save does not: mark the fields it names.
    if (fieldErrors.length > 0) form.dispatchFields({ type: 'ADD_SERVER_ERRORS', errors: fieldErrors })
    toast.error(saving.saved ? `您的修改已保存为草稿，但没有${label}：${reason}` : `没有${label}：${reason}`)
    setBusy(false)
  }

  const saveDraft = async () => {
    const saving = await pending.hold()
    if (!saving.ok) {
      toast.error(`未能保存您的修改：${saving.reason}`)
      return
    }
    await pending.release(saving.saved)
    if (saving.saved) toast.success('已保存草稿')
  }

  useHotkey({ cmdCtrlKey: true, editDepth, keyCodes: ['s'] }, (event) => {
    event.preventDefault()
    event.stopPropagation()
    if (!busy && !formProcessing) void saveDraft()
  })

  if (!hasPublishPermission) return null
  return (
    <div className="form-submit">
      <Button buttonId="action-save" id="action-save" size="medium" type="button" disabled={!canPublish || busy || formProcessing} onClick={() => (confirmAs ? confirmation.ask(confirmAs, publish) : void publish())}>
        {label}
      </Button>
      {confirmation.modal}
    </div>
  )
}
