import jsQR from 'jsqr'
import sharp from 'sharp'

/** The text of the first QR code drawn as inline SVG in some HTML, read back from its pixels as a phone would. */
export async function qrCodeTextIn(html: string): Promise<string | null> {
  const svg = /<svg[\s\S]*?<\/svg>/.exec(html)?.[0]
  if (!svg) return null
  const { data, info } = await sharp(Buffer.from(svg), { density: 300 }).resize(400, 400, { kernel: 'nearest' }).flatten({ background: '#ffffff' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data ?? null
}
