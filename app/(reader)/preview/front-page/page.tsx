import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { notFound } from 'next/navigation'

import { FrontPageView } from '@/reader/components/FrontPageView'
import { LivePreviewRefresh } from '@/reader/components/LivePreviewRefresh'
import { getFrontPagePreview } from '@/reader/data/frontPage'
import { getMostReadLists } from '@/reader/data/mostRead'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: '首页版面预览', robots: { index: false, follow: false } }

/** The front page with the layout being arranged in 首页版面, before it is published. */
export default async function FrontPagePreview() {
  const content = await getFrontPagePreview(await headers())
  // Anonymous visitors and readers learn nothing of a layout not yet published.
  if (!content) notFound()
  return (
    <>
      <LivePreviewRefresh />
      <p className="preview-banner" role="status">
        预览：这是首页版面最新保存的草稿，发布后读者才能看到，仅编辑部成员可见。
      </p>
      <FrontPageView content={content} mostRead={await getMostReadLists()} />
    </>
  )
}
