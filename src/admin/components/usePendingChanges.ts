'use client'

import { useConfig, useDocumentInfo, useForm, useFormBackgroundProcessing, useFormModified, useFormProcessing, useTranslation } from '@payloadcms/ui'
import { useCallback, useEffect, useRef } from 'react'

import { explainSaveRefusal } from './saveRefusal'

/** The stored draft a save returned (depth 0), or null when there was nothing to save. */
export type SavedDraft = Record<string, unknown> & { updatedAt?: string }
export type PendingChangesSave = { ok: true; saved: SavedDraft | null } | { ok: false; reason: string }

/** An autosave in flight normally answers within a second; after this the action gives up. */
const AUTOSAVE_WAIT_MS = 30_000

/** Lets the rich text editor hand over its last keystrokes (it updates the form when the browser is idle, within 500 ms). */
const idle = () =>
  new Promise<void>((resolve) => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(() => resolve(), { timeout: 600 })
    else setTimeout(resolve, 100)
  })
/** Lets React render what the form was just told, so its context and data are current. */
const rendered = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) return false
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return true
}

/**
 * What a workflow button does before it acts: saves the changes the form holds that the
 * autosave has not saved yet (an editor who clicks within its interval would otherwise lose
 * them). The save is the admin's own: the whole form, with the `updatedAt` it was loaded or
 * last saved with, as a draft, so a save made on a stale copy is refused as usual.
 *
 * `hold` waits for an autosave in flight, then keeps the form read-only and stops autosave
 * (Payload's form refuses to submit while disabled) until the page reloads after the action,
 * or until `release` gives the form back after an action that did not happen.
 */
export function usePendingChanges() {
  const form = useForm()
  const modified = useFormModified()
  const processing = useFormProcessing()
  const backgroundProcessing = useFormBackgroundProcessing()
  const { id, collectionSlug } = useDocumentInfo()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const live = useRef({ modified, processing, backgroundProcessing })
  useEffect(() => {
    live.current = { modified, processing, backgroundProcessing }
  }, [modified, processing, backgroundProcessing])

  const letGo = useCallback(() => {
    form.setProcessing(false)
    form.setDisabled(false)
  }, [form])

  const hold = useCallback(async (): Promise<PendingChangesSave> => {
    await idle()
    await rendered()
    if (!(await until(() => !live.current.processing && !live.current.backgroundProcessing, AUTOSAVE_WAIT_MS))) {
      return { ok: false, reason: '自动保存迟迟没有完成，请稍后再试。' }
    }
    form.setProcessing(true)
    form.setDisabled(true)
    await rendered()
    // An autosave that started before the form was disabled has to finish first: both would send the same `updatedAt`.
    await until(() => !live.current.backgroundProcessing, AUTOSAVE_WAIT_MS)
    if (!live.current.modified) return { ok: true, saved: null }

    let response: Response
    try {
      const body = await form.createFormData({ _status: 'draft' }, { data: form.getData(), mergeOverrideData: true })
      response = await fetch(`${config.serverURL}${config.routes.api}/${collectionSlug}/${id}?depth=0&draft=true`, {
        method: 'PATCH',
        credentials: 'include',
        headers: { 'Accept-Language': i18n.language },
        body,
      })
    } catch (error) {
      letGo()
      return { ok: false, reason: `无法连接服务器（${(error as Error).message}），请检查网络后再试。` }
    }
    const json = (await response.json().catch(() => null)) as { doc?: SavedDraft } | null
    if (response.ok && json?.doc) {
      form.setModified(false)
      return { ok: true, saved: json.doc }
    }
    const { reason, fieldErrors } = explainSaveRefusal(json, response.status)
    if (fieldErrors.length > 0) form.dispatchFields({ type: 'ADD_SERVER_ERRORS', errors: fieldErrors })
    letGo()
    return { ok: false, reason }
  }, [collectionSlug, config.routes.api, config.serverURL, form, i18n.language, id, letGo])

  /** After an action that did not happen: the form takes what was saved (its new `updatedAt` above all) and is editable again. */
  const release = useCallback(
    async (saved: SavedDraft | null) => {
      if (saved) {
        try {
          await form.reset(saved)
        } catch {
          form.dispatchFields({ type: 'UPDATE', path: 'updatedAt', value: saved.updatedAt })
          form.setModified(false)
        }
      }
      letGo()
    },
    [form, letGo],
  )

  return { hold, release }
}
