import QRCode from 'qrcode'

/** The page's address as a QR code, inline SVG: drawn once per render on the server, no script, no outside service. */
export function qrCodeSvg(url: string): Promise<string> {
  // Medium error correction: still scans from a photographed screen or a printed page.
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } })
}

/** Sharing as Chinese readers do it: the address as a QR code to scan with WeChat (`qrSvg`, from qrCodeSvg), and as a link to copy. */
export function ArticleShare({ url, qrSvg }: { url: string; qrSvg: string }) {
  return (
    <aside className="article__share" aria-labelledby="article-share-heading">
      <h2 id="article-share-heading" className="article__share-heading">
        分享本文
      </h2>
      <figure className="article__share-qr">
        <div role="img" aria-label="本文网址的二维码" dangerouslySetInnerHTML={{ __html: qrSvg }} />
        <figcaption>微信扫一扫，分享给朋友</figcaption>
      </figure>
      <p className="article__share-link">
        本文链接：<a href={url}>{url}</a>
      </p>
    </aside>
  )
}
