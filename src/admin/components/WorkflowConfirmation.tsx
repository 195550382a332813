'use client'

import { ConfirmationModal, useFormFields, useModal } from '@payloadcms/ui'
import { type ReactNode, useId, useState } from 'react'

import type { Article } from '@payload-types'
import { formatChineseDateTime } from '@/newsroom/dates'
import { RetractionNotice } from '@/reader/components/RetractionNotice'
import { readerPaths } from '@/publishing/urls'

/** The actions readers see at once and that cannot be taken back without another editor's step. */
export type ConfirmedAction = 'publish' | 'retract'
type Asked = { heading: string; confirmLabel: string; body: ReactNode; proceed: () => Promise<void> | void }
/** What the dialog says of the article, as the form holds it: what the action will make public. */
type ShownArticle = { title: string; slug: string; scheduledFor: string }

const text = (value: unknown) => (typeof value === 'string' ? value : '')

/** Where readers will find the article: the admin and the reader site share their origin. */
function PublicAddress({ slug }: { slug: string }) {
  if (!slug) return <>稿件网址将在保存后生成</>
  const href = `${window.location.origin}${readerPaths.article(slug)}`
  return <code data-testid="confirm-public-url">{href}</code>
}

function publishBody(article: ShownArticle) {
  return (
    <div className="workflow-confirmation" data-testid="confirm-publish">
      <p>
        发布后《{article.title}》<strong>立即</strong>在网站公开，进入首页和栏目列表、订阅源（RSS/Atom）、站内搜索和网站地图。读者访问的网址：
      </p>
      <p>
        <PublicAddress slug={article.slug} />
      </p>
      {article.scheduledFor && <p>原定于 {formatChineseDateTime(article.scheduledFor)} 的排期发布将取消，改为现在发布。</p>}
    </div>
  )
}

function retractBody(article: ShownArticle, notice: string) {
  const asReadersSeeIt = { title: article.title, retraction: { notice, retractedAt: new Date().toISOString() } } as Article
  return (
    <div className="workflow-confirmation" data-testid="confirm-retract">
      <p>
        撤稿后正文、导语和图片从网站删除，稿件撤出首页和栏目列表、订阅源和站内搜索；合作媒体收到撤稿通知。<strong>撤稿不能撤销。</strong>
      </p>
      <p>
        原网址 <PublicAddress slug={article.slug} /> 只保留标题和撤稿声明，读者看到的是：
      </p>
      <div className="workflow-confirmation__preview" data-testid="retraction-preview">
        <RetractionNotice article={asReadersSeeIt} />
      </div>
    </div>
  )
}

/**
 * Asks before 发布 and 撤稿, in Payload's own confirmation dialog, showing what readers will
 * see. Cancelling closes the dialog and nothing else happens; confirming runs the action, with
 * the dialog showing that it is under way until it finishes.
 */
export function useWorkflowConfirmation() {
  const modalSlug = `workflow-confirm-${useId()}`
  const { openModal } = useModal()
  const [asked, setAsked] = useState<Asked | null>(null)
  // One primitive per selector: an object would be new on every keystroke and re-render the panel.
  const article: ShownArticle = {
    title: useFormFields(([fields]) => text(fields.title?.value)),
    slug: useFormFields(([fields]) => text(fields.slug?.value)),
    scheduledFor: useFormFields(([fields]) => text(fields.scheduledFor?.value)),
  }

  const ask = (action: ConfirmedAction, proceed: Asked['proceed'], note = '') => {
    setAsked(
      action === 'publish'
        ? { heading: `确认发布《${article.title}》？`, confirmLabel: '发布', body: publishBody(article), proceed }
        : { heading: `确认撤稿《${article.title}》？`, confirmLabel: '确认撤稿', body: retractBody(article, note.trim()), proceed },
    )
    openModal(modalSlug)
  }

  const modal = asked && (
    <ConfirmationModal
      modalSlug={modalSlug}
      heading={asked.heading}
      body={asked.body}
      confirmLabel={asked.confirmLabel}
      confirmingLabel="正在处理…"
      cancelLabel="取消"
      onConfirm={asked.proceed}
    />
  )
  return { ask, modal }
}
