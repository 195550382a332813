import type { Metadata, Viewport } from 'next'
import Link from 'next/link'
import type React from 'react'

import { LegalFooter } from '@/reader/components/LegalFooter'
import { getNavigationChannels } from '@/reader/data/channels'
import { getDateLine, getIssueLine } from '@/reader/data/dateLine'
import { getSiteFooterSettings } from '@/reader/data/siteSettings'
import { SITE_FEEDS } from '@/reader/metadata'
import { SITE_DESCRIPTION, SITE_LANGUAGE, SITE_NAME, siteUrl } from '@/reader/site'
import { readerPaths } from '@/publishing/urls'

import './reader.css'

export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: SITE_NAME, template: `%s - ${SITE_NAME}` },
    description: SITE_DESCRIPTION,
    applicationName: SITE_NAME,
    icons: { icon: '/icon.png' },
    formatDetection: { telephone: false },
  }
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#b3121b' }

export default async function ReaderLayout({ children }: { children: React.ReactNode }) {
  const [footerSettings, dateLine, issueLine, channels] = await Promise.all([getSiteFooterSettings(), getDateLine(), getIssueLine(), getNavigationChannels()])
  return (
    <html lang={SITE_LANGUAGE}>
      <body>
        <a className="skip-link" href="#main">
          跳到正文
        </a>
        <header className="masthead">
          <Link href={readerPaths.home()} className="masthead__name">
            {SITE_NAME}
          </Link>
          {dateLine && (
            <p className="masthead__date">
              {dateLine}
              {issueLine && <span className="masthead__issue">{issueLine}</span>}
            </p>
          )}
          <nav aria-label="主导航" className="masthead__nav">
            <ul>
              <li>
                <Link href={readerPaths.home()}>首页</Link>
              </li>
              {channels.map((channel) => (
                <li key={channel.id}>
                  <Link href={readerPaths.channel(channel.slug ?? '')}>{channel.name}</Link>
                </li>
              ))}
            </ul>
          </nav>
          <form action={readerPaths.search()} method="get" role="search" aria-label="站内搜索" className="masthead__search">
            <label htmlFor="masthead-q" className="visually-hidden">
              搜索本站
            </label>
            <input id="masthead-q" type="search" name="q" maxLength={100} placeholder="搜索本站" />
            <button type="submit">搜索</button>
          </form>
        </header>
        <main id="main" className="page" tabIndex={-1}>
          {children}
        </main>
        <footer className="footer">
          <p>
            © {SITE_NAME} · <a href={SITE_FEEDS.rss}>RSS</a> · <a href={SITE_FEEDS.atom}>Atom</a> · <a href={readerPaths.sitemap()}>网站地图</a>
          </p>
          <LegalFooter settings={footerSettings} />
        </footer>
      </body>
    </html>
  )
}
