'use client'

import { useConfig, useDocumentInfo, useEditDepth, useFormBackgroundProcessing, useFormFields, useFormModified, useFormProcessing } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { formatAdminURL } from 'payload/shared'
import { useEffect, useRef } from 'react'

/** Creating an article and its hooks take well under this; the server checks the same thing its own way. */
const CREATION_MS = 2_000
/** Long enough for a remount (Payload re-keys the form when the lock changes; React's dev mode mounts twice) to cancel the leave. */
const LEAVE_SETTLE_MS = 500

const pendingLeaves = new Map<string, number>()

const isPlainLeftClick = (event: MouseEvent) => event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey

/**
 * Payload's admin creates the article as soon as someone opens 创建新条目 (autosave needs a
 * document to save into). When its owner leaves that new article without typing anything,
 * this asks the server to discard the empty draft (POST …/discard-untouched, which checks
 * again and keeps anything with content, versions or history). A link click waits for the
 * discard so the list it opens no longer shows the draft; other ways of leaving the page
 * within the admin discard it just after. A closed tab or a reload leaves it in place: a
 * reload must find the article it reloads.
 */
export function useDiscardUntouchedDraft(): void {
  const { id, collectionSlug, data } = useDocumentInfo()
  const { config } = useConfig()
  const router = useRouter()
  const depth = useEditDepth()
  const modified = useFormModified()
  const processing = useFormProcessing()
  const backgroundProcessing = useFormBackgroundProcessing()
  const base = useFormFields(([fields]) => fields.updatedAt?.value) as string | undefined

  const createdNow = Boolean(data?.createdAt && data?.updatedAt && Date.parse(data.updatedAt) - Date.parse(data.createdAt) <= CREATION_MS && !data.title)
  const untouched = useRef(false)
  useEffect(() => {
    // Not in a drawer: a new article made from another document's relationship field belongs to that form.
    untouched.current = depth <= 1 && createdNow && base === data?.updatedAt && !modified && !processing && !backgroundProcessing
  }, [backgroundProcessing, base, createdNow, data?.updatedAt, depth, modified, processing])

  useEffect(() => {
    if (!id || !collectionSlug) return
    const key = `${collectionSlug}/${id}`
    window.clearTimeout(pendingLeaves.get(key))
    pendingLeaves.delete(key)
    const docPath = formatAdminURL({ adminRoute: config.routes.admin, path: `/collections/${collectionSlug}/${id}` })
    const isThisArticle = (pathname: string) => pathname === docPath || pathname.startsWith(`${docPath}/`)
    const discard = () =>
      fetch(`${config.serverURL}${config.routes.api}/${collectionSlug}/${id}/discard-untouched`, { method: 'POST', credentials: 'include', keepalive: true }).catch(() => undefined)

    const onLinkClick = (event: MouseEvent) => {
      if (!untouched.current || event.defaultPrevented || !isPlainLeftClick(event)) return
      const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null
      if (!link || (link.target && link.target !== '_self') || link.hasAttribute('download')) return
      const next = new URL(link.href, window.location.href)
      if (next.origin !== window.location.origin || isThisArticle(next.pathname)) return
      event.preventDefault()
      event.stopPropagation()
      untouched.current = false
      void discard().then(() => router.push(`${next.pathname}${next.search}${next.hash}`))
    }
    document.addEventListener('click', onLinkClick, true)
    return () => {
      document.removeEventListener('click', onLinkClick, true)
      if (!untouched.current) return
      pendingLeaves.set(
        key,
        window.setTimeout(() => {
          pendingLeaves.delete(key)
          if (!isThisArticle(window.location.pathname)) void discard()
        }, LEAVE_SETTLE_MS),
      )
    }
  }, [collectionSlug, config.routes.admin, config.routes.api, config.serverURL, id, router])
}
