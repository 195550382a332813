import type { Metadata } from 'next'
import Link from 'next/link'
import type React from 'react'

import { SITE_DESCRIPTION, SITE_NAME } from '@/reader/site'

import './reader.css'

export const metadata: Metadata = {
  title: { default: SITE_NAME, template: `%s - ${SITE_NAME}` },
  description: SITE_DESCRIPTION,
}

export default function ReaderLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>
        <header className="masthead">
          <Link href="/" className="masthead__name">
            {SITE_NAME}
          </Link>
        </header>
        <main className="page">{children}</main>
        <footer className="footer">
          <p>© {SITE_NAME}</p>
        </footer>
      </body>
    </html>
  )
}
