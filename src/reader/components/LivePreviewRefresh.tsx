'use client'

import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

/**
 * Re-renders the preview whenever the editor beside it in the admin saves (autosave included).
 * This is Payload's live-preview handshake (what `RefreshRouteOnSave` does) written out: the
 * registry here has no @payloadcms/live-preview matching our Payload version, and a mismatched
 * one makes Payload refuse to start.
 */
export function LivePreviewRefresh() {
  const router = useRouter()
  useEffect(() => {
    // The admin and the preview share an origin, so only messages from this origin count.
    const origin = window.location.origin
    const onMessage = (event: MessageEvent) => {
      if (event.origin === origin && event.data?.type === 'payload-document-event') router.refresh()
    }
    window.addEventListener('message', onMessage)
    const admin = window.opener || (window.parent !== window ? window.parent : null)
    admin?.postMessage({ type: 'payload-live-preview', ready: true }, origin)
    return () => window.removeEventListener('message', onMessage)
  }, [router])
  return null
}
