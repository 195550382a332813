import { MAX_UPLOAD_BYTES } from '@/uploads/limits'
import { type DemoServer, startDemoServer } from '../helpers/demoServer'
import { decompressionBombPng, noisyImage, notImages, truncated } from '../helpers/uploadFixtures'

// The int suite drives Payload's REST handler in process; this one checks the same refusals
// through the production build, where minified class names once turned messages into
// "An unknown error occurred." and Next.js sits in front of the handler.

let server: DemoServer
let token: string

beforeAll(async () => {
  server = await startDemoServer()
  const response = await fetch(`${server.baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'editor@newsroom.test', password: 'newsroom-demo' }),
  })
  token = ((await response.json()) as { token: string }).token
}, 15 * 60 * 1000)

afterAll(async () => {
  await server?.stop()
})

async function photoCount(): Promise<number> {
  const count = async () => {
    const response = await fetch(`${server.baseUrl}/api/photos?limit=1&depth=0`, { headers: { Authorization: `JWT ${token}` } })
    return ((await response.json()) as { totalDocs: number }).totalDocs
  }
  // After refusing an oversized body the server closes that connection without reading the
  // rest; fetch may still pick the closed socket from its pool once (ECONNRESET).
  return count().catch((error: Error & { cause?: { code?: string } }) => {
    if (error.cause?.code !== 'ECONNRESET') throw error
    return count()
  })
}

async function uploadPhoto(bytes: Buffer, name: string, type: string) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
  form.append('_payload', JSON.stringify({ alt: '端到端上传测试' }))
  const response = await fetch(`${server.baseUrl}/api/photos`, { method: 'POST', headers: { Authorization: `JWT ${token}` }, body: form })
  return { status: response.status, json: (await response.json()) as any }
}

async function expectRefused(bytes: Buffer, name: string, type: string, status: number, message: RegExp) {
  const before = await photoCount()
  const { status: answered, json } = await uploadPhoto(bytes, name, type)
  expect(answered).toBe(status)
  expect(json.errors[0].message).toMatch(message)
  expect(await photoCount()).toBe(before)
}

describe('photo uploads through the production server', () => {
  it('answers a file over the limit with 413 and the limit in Chinese', async () => {
    await expectRefused(Buffer.alloc(MAX_UPLOAD_BYTES + 1024, 0xff), 'huge.jpg', 'image/jpeg', 413, /^图片文件过大：上传文件不能超过 20 MB/)
  })

  it('answers an HTML page named .jpg with 415', async () => {
    await expectRefused(notImages.html, 'page.jpg', 'image/jpeg', 415, /^图片无法识别：“page\.jpg” 的内容不是图片/)
  })

  it('answers an SVG with a script named .png with 415, saying SVG is not accepted', async () => {
    await expectRefused(notImages.svgWithScript, 'logo.png', 'image/png', 415, /^不接受 SVG 图片/)
  })

  it('answers a damaged PNG with 400', async () => {
    await expectRefused(truncated(await noisyImage('png')), 'half.png', 'image/png', 400, /已损坏或不完整/)
  })

  it('answers a decompression bomb with 400, from its header', async () => {
    await expectRefused(decompressionBombPng(12_000, 12_000), 'bomb.png', 'image/png', 400, /^图片像素过多/)
  })

  it('stores a PNG named .jpg as what it is, and serves it as WebP', async () => {
    const { status, json } = await uploadPhoto(await noisyImage('png'), 'IMG_0042.jpg', 'image/jpeg')
    expect(status).toBe(201)
    expect(json.doc).toMatchObject({ filename: 'IMG_0042.webp', mimeType: 'image/webp' })
    const file = await fetch(`${server.baseUrl}${json.doc.url}`, { headers: { Authorization: `JWT ${token}` } })
    expect(file.headers.get('content-type')).toBe('image/webp')
  })
})
