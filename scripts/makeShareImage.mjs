// node scripts/makeShareImage.mjs — writes public/share.png, the 1200×630 image link previews and
// JSON-LD use for an article without a photo of its own: the masthead (public/logo.png) centred
// on white. Run again after the logo changes; the file is committed.
import sharp from 'sharp'

const logo = await sharp('public/logo.png').resize({ width: 960 }).toBuffer()
const { height } = await sharp(logo).metadata()
await sharp({ create: { width: 1200, height: 630, channels: 3, background: '#ffffff' } })
  .composite([{ input: logo, left: 120, top: Math.round((630 - height) / 2) }])
  .png({ compressionLevel: 9, palette: true })
  .toFile('public/share.png')
