'use client'

import { useConfig, useDocumentInfo, useFormBackgroundProcessing, useFormFields, useFormModified, useFormProcessing } from '@payloadcms/ui'
import { useCallback, useEffect, useRef, useState } from 'react'

import type { LastChangeReply } from './staleCopy'

/** Another person's save reaches an idle window within this time even if nobody types or switches tabs. */
const IDLE_CHECK_MS = 60_000

export type StaleCopyWatch = {
  /** The last save this window attempted was refused (by whatever rule): nothing since the last success is stored. */
  refused: boolean
  /** The article has a newer version than the one this window edits, and who made it. */
  stale: LastChangeReply | null
}

/**
 * Watches the edit form's saves (Payload's autosave, its save buttons, the workflow buttons'
 * save-first) without replacing them: a save succeeded when the form's `updatedAt` moved on,
 * and was refused when it did not and the form still holds changes. After a refusal, and
 * whenever the window comes back into view, it asks the server which version is the latest:
 * a newer one than the form's means this is an old copy, which nothing typed here can replace.
 */
export function useStaleCopyWatch(): StaleCopyWatch {
  const { id, collectionSlug } = useDocumentInfo()
  const { config } = useConfig()
  const processing = useFormProcessing()
  const backgroundProcessing = useFormBackgroundProcessing()
  const modified = useFormModified()
  const base = useFormFields(([fields]) => fields.updatedAt?.value) as string | undefined
  const saving = processing || backgroundProcessing
  const [refused, setRefused] = useState(false)
  const [stale, setStale] = useState<LastChangeReply | null>(null)

  const live = useRef({ saving, base, stale })
  useEffect(() => {
    live.current = { saving, base, stale }
  }, [saving, base, stale])

  const check = useCallback(async () => {
    if (!id || live.current.saving || live.current.stale) return
    const askedWith = live.current.base
    const response = await fetch(`${config.serverURL}${config.routes.api}/${collectionSlug}/${id}/last-change`, { credentials: 'include' }).catch(() => null)
    if (!response?.ok) return
    const reply = (await response.json().catch(() => null)) as LastChangeReply | null
    // A save of this window's that started meanwhile would move the version on by itself.
    if (!reply || !askedWith || live.current.saving || live.current.base !== askedWith) return
    if (Date.parse(reply.updatedAt) !== Date.parse(askedWith)) setStale(reply)
  }, [collectionSlug, config.routes.api, config.serverURL, id])

  const startedWith = useRef<string | undefined>(undefined)
  const wasSaving = useRef(false)
  useEffect(() => {
    if (saving && !wasSaving.current) startedWith.current = base
    if (!saving && wasSaving.current) {
      if (base !== startedWith.current) setRefused(false)
      else if (modified) {
        setRefused(true)
        void check()
      }
    }
    wasSaving.current = saving
  }, [base, check, modified, saving])

  useEffect(() => {
    const whenVisible = () => {
      if (document.visibilityState === 'visible') void check()
    }
    document.addEventListener('visibilitychange', whenVisible)
    window.addEventListener('focus', whenVisible)
    const timer = window.setInterval(whenVisible, IDLE_CHECK_MS)
    return () => {
      document.removeEventListener('visibilitychange', whenVisible)
      window.removeEventListener('focus', whenVisible)
      window.clearInterval(timer)
    }
  }, [check])

  return { refused, stale }
}
