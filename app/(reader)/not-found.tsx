import type { Metadata } from 'next'
import Link from 'next/link'

import { readerPaths } from '@/publishing/urls'

export const metadata: Metadata = { title: '页面不存在', robots: { index: false } }

export default function NotFound() {
  return (
    <section className="status-page">
      <p className="status-page__code">404</p>
      <h1>页面不存在</h1>
      <p>您要找的页面可能已被删除、改名，或者地址有误。</p>
      <p>
        <Link href={readerPaths.home()}>返回首页</Link>
      </p>
    </section>
  )
}
