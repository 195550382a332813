import QRCode from 'qrcode'

import { readerPaths } from '@/publishing/urls'
import { absoluteUrl } from '@/reader/site'

/**
 * Sharing as Chinese readers do it: the page's address as a QR code to scan with WeChat, drawn on
 * the server (no script, no outside service), and the address itself to copy.
 */
export async function ArticleShare({ slug }: { slug: string }) {
  const url = absoluteUrl(readerPaths.article(slug))
  // Medium error correction: still scans from a photographed screen or a printed page.
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } })
  return (
    <aside className="article__share" aria-labelledby="article-share-heading">
      <h2 id="article-share-heading" className="article__share-heading">
        分享本文
      </h2>
      <figure className="article__share-qr">
        <div role="img" aria-label="本文网址的二维码" dangerouslySetInnerHTML={{ __html: svg }} />
        <figcaption>微信扫一扫，分享给朋友</figcaption>
      </figure>
      <p className="article__share-link">
        本文链接：<a href={url}>{url}</a>
      </p>
    </aside>
  )
}
