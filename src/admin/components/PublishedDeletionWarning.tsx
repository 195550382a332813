'use client'

import { useDocumentInfo, useFormFields, useModal } from '@payloadcms/ui'
import { useEffect, useState } from 'react'
import { createPortal } from 'react-dom'

import { readerPaths } from '@/publishing/urls'

/** States in which the article has a public URL that deleting it would take away. */
const PUBLIC_STATES = new Set(['published', 'retracted'])

/**
 * Payload's own 确认删除 dialog says only "您即将删除稿件…". Payload offers no slot in it, so
 * for an article readers can reach this adds, inside that same dialog, what deleting it does
 * to them and points to 撤稿, which keeps the URL with a notice.
 */
export function PublishedDeletionWarning() {
  const { id } = useDocumentInfo()
  const state = useFormFields(([fields]) => fields.workflowState?.value as string | undefined)
  const slug = useFormFields(([fields]) => fields.slug?.value as string | undefined)
  const { isModalOpen } = useModal()
  const dialogOpen = Boolean(id) && isModalOpen(`delete-${id}`)
  const [host, setHost] = useState<Element | null>(null)

  useEffect(() => {
    if (!dialogOpen) return setHost(null)
    // The dialog mounts in the same render that opens it: look for it once it is in the page.
    const frame = requestAnimationFrame(() => setHost(document.querySelector('.delete-document .confirmation-modal__content')))
    return () => cancelAnimationFrame(frame)
  }, [dialogOpen])

  if (!host || !state || !PUBLIC_STATES.has(state)) return null
  const address = slug ? `${window.location.origin}${readerPaths.article(slug)}` : '稿件网址'
  return createPortal(
    <div className="workflow-confirmation workflow-confirmation--delete" role="alert" data-testid="confirm-delete-published">
      <p>
        <strong>{state === 'retracted' ? '这篇稿件已撤稿，原网址仍向读者显示撤稿声明。' : '这篇稿件正在网站上公开。'}</strong>
      </p>
      <p>
        删除后读者访问 <code>{address}</code> 将看到“页面不存在”，稿件同时从首页、栏目列表、订阅源和站内搜索中移除；流程记录和编辑部批注一并删除，无法恢复。
      </p>
      {state === 'published' && <p>如需撤下稿件并向读者说明原因，请点“取消”，改用流程面板中的“撤稿”。</p>}
    </div>,
    host,
  )
}
