import { createHash } from 'node:crypto'

import sharp from 'sharp'

/**
 * The seed pages carry captions but no photographs. A neutral, text-free picture stands in
 * (its alt text says so), derived from the key so every install shows the same image.
 */
export async function renderPlaceholderPhoto(key: string): Promise<Buffer> {
  const digest = createHash('sha256').update(key).digest()
  const hue = Math.round((digest[0] / 255) * 360)
  const width = 1600
  const height = 1000
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="hsl(${hue},18%,82%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},22%,62%)"/>
  </linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#g)"/>
  <circle cx="${width * 0.7}" cy="${height * 0.35}" r="${height * 0.18}" fill="hsl(${hue},15%,92%)" fill-opacity="0.55"/>
  <path d="M0 ${height * 0.78} L${width * 0.3} ${height * 0.55} L${width * 0.55} ${height * 0.72} L${width * 0.8} ${height * 0.5} L${width} ${height * 0.66} L${width} ${height} L0 ${height} Z" fill="hsl(${hue},16%,45%)" fill-opacity="0.45"/>
</svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

export const placeholderAltText = (caption: string) => `占位图（原版照片未随版面文本提供）。图片说明：${caption}`
