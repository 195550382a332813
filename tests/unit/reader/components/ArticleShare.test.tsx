import { renderToStaticMarkup } from 'react-dom/server'

import { ArticleShare, qrCodeSvg } from '@/reader/components/ArticleShare'
import { readerPaths } from '@/publishing/urls'
import { absoluteUrl } from '@/reader/site'
import { qrCodeTextIn } from '../../../helpers/qrCode'

process.env.SITE_URL = 'https://news.example.cn'

async function shareMarkup(slug: string): Promise<string> {
  const url = absoluteUrl(readerPaths.article(slug))
  return renderToStaticMarkup(<ArticleShare url={url} qrSvg={await qrCodeSvg(url)} />)
}

describe('ArticleShare', () => {
  it('draws a QR code that decodes to the article’s address, and prints the address to copy', async () => {
    const html = await shareMarkup('huo-hong-qi-zhi-jin-geng-yan')
    expect(await qrCodeTextIn(html)).toBe('https://news.example.cn/articles/huo-hong-qi-zhi-jin-geng-yan')
    expect(html).toContain('本文链接：<a href="https://news.example.cn/articles/huo-hong-qi-zhi-jin-geng-yan">')
  })

  it('encodes a Chinese slug as the address a phone opens', async () => {
    const html = await shareMarkup('新闻')
    expect(await qrCodeTextIn(html)).toBe('https://news.example.cn/articles/%E6%96%B0%E9%97%BB')
  })
})

