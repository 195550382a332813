import { renderToStaticMarkup } from 'react-dom/server'

import { ArticleShare } from '@/reader/components/ArticleShare'
import { qrCodeTextIn } from '../../../helpers/qrCode'

process.env.SITE_URL = 'https://news.example.cn'

describe('ArticleShare', () => {
  it('draws a QR code that decodes to the article’s address, and prints the address to copy', async () => {
    const html = renderToStaticMarkup(await ArticleShare({ slug: 'huo-hong-qi-zhi-jin-geng-yan' }))
    expect(await qrCodeTextIn(html)).toBe('https://news.example.cn/articles/huo-hong-qi-zhi-jin-geng-yan')
    expect(html).toContain('本文链接：<a href="https://news.example.cn/articles/huo-hong-qi-zhi-jin-geng-yan">')
  })

  it('encodes a Chinese slug as the address a phone opens', async () => {
    const html = renderToStaticMarkup(await ArticleShare({ slug: '新闻' }))
    expect(await qrCodeTextIn(html)).toBe('https://news.example.cn/articles/%E6%96%B0%E9%97%BB')
  })
})

