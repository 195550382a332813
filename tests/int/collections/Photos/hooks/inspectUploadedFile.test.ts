import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { APIError } from 'payload'
import sharp from 'sharp'

import type { User } from '@payload-types'
import { MAX_UPLOAD_BYTES } from '@/uploads/limits'
import { type InProcessClient, inProcessClient, signedInClient } from '../../../../helpers/inProcessApi'
import { STAFF_PASSWORD } from '../../../../helpers/newsroomUsers'
import { useTestPayload } from '../../../../helpers/payload'
import { decompressionBombPng, noisyImage, notImages, smallAnimatedGif, sparseAnimatedGif, truncated } from '../../../../helpers/uploadFixtures'

// The config reads MEDIA_DIR once, when beforeAll first imports it: a directory of this suite's
// own makes "no file left behind" a statement about these uploads alone.
const sharedMediaDir = process.env.MEDIA_DIR
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-photo-uploads-'))
process.env.MEDIA_DIR = mediaDir

const db = useTestPayload({ staff: true })

afterAll(() => {
  process.env.MEDIA_DIR = sharedMediaDir
  fs.rmSync(mediaDir, { recursive: true, force: true })
})

const photosDir = () => db.payload.collections.photos.config.upload.staticDir as string
const storedFiles = () => (fs.existsSync(photosDir()) ? fs.readdirSync(photosDir()).sort() : [])
const photoRows = async () => (await db.payload.count({ collection: 'photos' })).totalDocs
const as = (user: User) => ({ user: { ...user, collection: 'users' as const }, overrideAccess: false })

type Refusal = { status: number; message: string; reason?: string }

function upload(bytes: Buffer, name: string, mimetype = 'image/jpeg', user: User = db.staff.journalist) {
  return db.payload.create({
    collection: 'photos',
    data: { alt: '测试图片' },
    file: { data: bytes, name, mimetype, size: bytes.length },
    ...as(user),
  })
}

/** Runs an attempt that must be refused, and checks it left no row and no file behind. */
async function refusalOf(attempt: () => Promise<unknown>): Promise<Refusal> {
  const [rowsBefore, filesBefore] = [await photoRows(), storedFiles()]
  let caught: unknown
  try {
    await attempt()
  } catch (error) {
    caught = error
  }
  if (!(caught instanceof APIError)) throw new Error(`expected an APIError refusal, got ${caught instanceof Error ? caught.stack : String(caught)}`)
  expect(await photoRows()).toBe(rowsBefore)
  expect(storedFiles()).toEqual(filesBefore)
  return { status: caught.status, message: caught.message, reason: (caught.data as { reason?: string } | null)?.reason }
}

const refusedUpload = (bytes: Buffer, name: string, mimetype?: string) => refusalOf(() => upload(bytes, name, mimetype))

beforeAll(() => {
  expect(photosDir().startsWith(mediaDir)).toBe(true)
})

describe('photo uploads: the type comes from the bytes', () => {
  it('stores a real JPEG as WebP, with every size on disk', async () => {
    const photo = await upload(await noisyImage('jpeg'), '现场.jpg')
    expect(photo).toMatchObject({ filename: '现场.webp', mimeType: 'image/webp', width: 640, height: 480 })
    const sizeFiles = Object.values(photo.sizes ?? {}).flatMap((size) => (size?.filename ? [size.filename] : []))
    for (const name of [photo.filename as string, ...sizeFiles]) expect(fs.existsSync(path.join(photosDir(), name))).toBe(true)
  })

  it('accepts a PNG named .jpg and sent as image/jpeg, storing what the bytes are', async () => {
    const photo = await upload(await noisyImage('png'), 'IMG_0042.jpg', 'image/jpeg')
    expect(photo).toMatchObject({ filename: 'IMG_0042.webp', mimeType: 'image/webp', width: 640, height: 480 })
    const stored = await sharp(path.join(photosDir(), photo.filename as string)).metadata()
    expect(stored.format).toBe('webp')
  })

  it('accepts an animated GIF', async () => {
    const photo = await upload(await smallAnimatedGif(), '动图.gif', 'image/gif')
    expect(photo).toMatchObject({ mimeType: 'image/webp', width: 60, height: 40 })
  })

  it.each([
    ['an HTML page', notImages.html, undefined],
    ['a script', notImages.javascript, undefined],
    ['a PDF', notImages.pdf, 'application/pdf'],
    ['a Windows program', notImages.exe, 'application/x-msdownload'],
  ])('refuses %s renamed .jpg and sent as image/jpeg', async (_what, bytes, detected) => {
    const refusal = await refusedUpload(bytes, '新闻照片.jpg')
    expect(refusal).toMatchObject({ status: 415, reason: 'notAnImage' })
    expect(refusal.message).toMatch(/^图片无法识别：“新闻照片\.jpg” 的内容不是图片/)
    expect(refusal.message).toContain(detected ? `检测为 ${detected}` : '无法识别的文件类型')
    expect(refusal.message).toContain('只接受 JPEG、PNG、WebP、AVIF、GIF')
  })

  it('refuses an image format the desk does not take, naming it', async () => {
    const tiff = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#888' } }).tiff().toBuffer()
    const refusal = await refusedUpload(tiff, 'scan.jpg')
    expect(refusal).toMatchObject({ status: 415, reason: 'unsupportedImageFormat' })
    expect(refusal.message).toContain('图片格式不受支持：“scan.jpg” 是 TIF 图片')
  })

  it.each([
    ['named .png and sent as image/png', notImages.svgWithScript, 'logo.png', 'image/png'],
    ['behind an XML declaration and a comment', notImages.svgWithXmlDeclaration, 'logo.jpg', 'image/jpeg'],
    ['named .svg and sent as image/svg+xml', notImages.svgWithScript, 'logo.svg', 'image/svg+xml'],
  ])('refuses an SVG carrying script %s, saying SVG is not accepted', async (_how, bytes, name, mimetype) => {
    const refusal = await refusedUpload(bytes, name, mimetype)
    expect(refusal).toMatchObject({ status: 415, reason: 'svgNotAccepted' })
    expect(refusal.message).toMatch(new RegExp(`^不接受 SVG 图片：“${name.replace('.', '\\.')}”`))
    expect(refusal.message).toContain('请导出为 PNG 或 JPEG')
  })

  it('refuses an empty file', async () => {
    expect(await refusedUpload(Buffer.alloc(0), 'empty.jpg')).toMatchObject({ status: 400, reason: 'emptyFile' })
  })
})

describe('photo uploads: size, damage and decompression bombs', () => {
  it(`refuses a file over ${MAX_UPLOAD_BYTES} bytes before looking at its content, naming the limit`, async () => {
    const oversized = Buffer.concat([await noisyImage('jpeg'), Buffer.alloc(MAX_UPLOAD_BYTES)])
    const refusal = await refusedUpload(oversized, '大图.jpg')
    expect(refusal).toMatchObject({ status: 413, reason: 'fileTooLarge' })
    expect(refusal.message).toMatch(/^图片文件过大：“大图\.jpg” 有 20\.\d MB，上传文件不能超过 20 MB/)
  })

  it('accepts a file of exactly the limit', async () => {
    const image = await noisyImage('jpeg', 64, 48)
    const atLimit = Buffer.concat([image, Buffer.alloc(MAX_UPLOAD_BYTES - image.length)])
    await expect(upload(atLimit, 'padded.jpg')).resolves.toMatchObject({ width: 64, height: 48 })
  })

  it.each([
    ['a PNG cut in half', async () => truncated(await noisyImage('png')), 'half.png'],
    ['a PNG cut after its header', async () => truncated(await noisyImage('png'), 0.001), 'header-only.png'],
    ['a JPEG cut in half', async () => truncated(await noisyImage('jpeg')), 'half.jpg'],
  ])('refuses %s as damaged, with a 400', async (_what, make, name) => {
    const refusal = await refusedUpload(await make(), name)
    expect(refusal).toMatchObject({ status: 400, reason: 'undecodableImage' })
    expect(refusal.message).toBe(`图片无法识别：“${name}” 已损坏或不完整，无法解码。请重新导出或重新传输后再上传。`)
  })

  it.each([
    // Above sharp's own 268-megapixel default: Payload alone would fail with an untranslated error.
    [20_000, 20_000, '40000 万像素'],
    // Below sharp's default: Payload alone would spend seconds and half a gigabyte decoding it.
    [12_000, 12_000, '14400 万像素'],
  ])('refuses a %i×%i PNG of zeros from its header, without decoding it', async (width, height, pixels) => {
    const bomb = decompressionBombPng(width, height)
    expect(bomb.length).toBeLessThan(100_000)
    const started = Date.now()
    const refusal = await refusedUpload(bomb, 'bomb.png', 'image/png')
    expect(Date.now() - started).toBeLessThan(3000)
    expect(refusal).toMatchObject({ status: 400, reason: 'tooManyPixels' })
    expect(refusal.message).toBe(`图片像素过多：“bomb.png” 为 ${width}×${height}（${pixels}），超过 10000 万像素的上限。请缩小尺寸后再上传。`)
  })

  it('counts every frame of an animated GIF, since Payload decodes them all', async () => {
    const bomb = sparseAnimatedGif(8000, 8000, 2)
    const refusal = await refusedUpload(bomb, 'frames.gif', 'image/gif')
    expect(refusal).toMatchObject({ status: 400, reason: 'tooManyPixels' })
    expect(refusal.message).toContain('为 8000×8000、共 2 帧（12800 万像素）')
  })
})

describe('photo uploads: stored file names', () => {
  it.each([
    ['../../etc/passwd.jpg', 'passwd'],
    ['..\\..\\windows\\system.ini.jpg', 'system.ini'],
    ['.htaccess.png', 'htaccess'],
    ['--delete-all.png', 'delete-all'],
    ['a\u0000b\u0007c\u007f.png', 'abc'],
    ['报道\u202Egnp.exe', '报道gnp'],
    ['新闻 照片 #1 100%.png', '新闻-照片-1-100'],
    ['CON.png', 'CON-photo'],
    ['...', 'photo'],
  ])('stores %j as %j', async (original, expectedBase) => {
    const photo = await upload(await noisyImage('png', 32, 24), original, 'image/png')
    expect(photo.filename).toBe(`${expectedBase}.webp`)
    expect(fs.existsSync(path.join(photosDir(), photo.filename as string))).toBe(true)
  })

  it('shortens a very long Chinese name to fit the filesystem, still readable, sizes included', async () => {
    const photo = await upload(await noisyImage('png', 1300, 700), `${'长沙城市新闻'.repeat(60)}.png`, 'image/png')
    const base = (photo.filename as string).replace(/\.webp$/, '')
    expect(base).toMatch(/^(长沙城市新闻)+[长沙城市新闻]*$/u)
    expect([...base]).toHaveLength(40) // 120 bytes of three-byte characters
    const sizeFiles = Object.values(photo.sizes ?? {}).flatMap((size) => (size?.filename ? [size.filename] : []))
    expect(sizeFiles.length).toBeGreaterThan(0)
    for (const name of sizeFiles) expect(fs.existsSync(path.join(photosDir(), name))).toBe(true)
  })

  it('leaves de-duplication to Payload: a second upload of the same name gets a suffix', async () => {
    const first = await upload(await noisyImage('png', 32, 24), '同名.png', 'image/png')
    const second = await upload(await noisyImage('png', 32, 24), '同名.png', 'image/png')
    expect([first.filename, second.filename]).toEqual(['同名.webp', '同名-1.webp'])
  })
})

describe('photo uploads: who is asked what', () => {
  it('still tells an anonymous sender 403, without inspecting the file', async () => {
    await expect(
      db.payload.create({ collection: 'photos', data: { alt: '匿名' }, file: { data: notImages.html, name: 'x.jpg', mimetype: 'image/jpeg', size: 1 }, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('refuses a replacement file on update and keeps the stored one', async () => {
    const photo = await upload(await noisyImage('jpeg', 64, 48), '原图.jpg')
    const refusal = await refusalOf(() =>
      db.payload.update({
        collection: 'photos',
        id: photo.id,
        data: {},
        file: { data: notImages.html, name: '替换.jpg', mimetype: 'image/jpeg', size: notImages.html.length },
        ...as(db.staff.editor),
      }),
    )
    expect(refusal.reason).toBe('notAnImage')
    const unchanged = await db.payload.findByID({ collection: 'photos', id: photo.id })
    expect(unchanged.filename).toBe(photo.filename)
    expect(fs.existsSync(path.join(photosDir(), photo.filename as string))).toBe(true)
  })
})

describe('photo uploads over REST (Payload’s own handler, in process)', () => {
  let journalist: InProcessClient

  beforeAll(async () => {
    journalist = await signedInClient(db.payload, db.staff.journalist.email, STAFF_PASSWORD)
  })

  async function post(body: FormData | Record<string, unknown>, signedIn = true) {
    const { status, json } = await (signedIn ? journalist : inProcessClient(db.payload)).rest('/api/photos', { method: 'POST', body })
    return { status, json: json as { errors?: { message: string; data?: { reason?: string } }[] } }
  }

  function form(bytes: Buffer, name: string, type: string) {
    const body = new FormData()
    body.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
    body.append('_payload', JSON.stringify({ alt: '接口上传' }))
    return body
  }

  async function leavesNothing(send: () => Promise<{ status: number; json: any }>) {
    const [rowsBefore, filesBefore] = [await photoRows(), storedFiles()]
    const result = await send()
    expect(await photoRows()).toBe(rowsBefore)
    expect(storedFiles()).toEqual(filesBefore)
    return result
  }

  it('answers a file over the limit with 413 and the limit in Chinese, where the multipart parser stops it', async () => {
    const oversized = Buffer.alloc(MAX_UPLOAD_BYTES + 1024, 0xff)
    const { status, json } = await leavesNothing(() => post(form(oversized, 'huge.jpg', 'image/jpeg')))
    expect(status).toBe(413)
    expect(json.errors?.[0].message).toBe('图片文件过大：上传文件不能超过 20 MB。请压缩或缩小尺寸后再上传。')
    expect(json.errors?.[0].data?.reason).toBe('fileTooLarge')
  })

  it('answers an HTML page named .jpg with 415 and the Chinese reason', async () => {
    const { status, json } = await leavesNothing(() => post(form(notImages.html, 'page.jpg', 'image/jpeg')))
    expect(status).toBe(415)
    expect(json.errors?.[0].message).toMatch(/^图片无法识别：“page\.jpg” 的内容不是图片/)
  })

  it('answers a damaged image with 400, not 500', async () => {
    const { status, json } = await leavesNothing(async () => post(form(truncated(await noisyImage('png')), 'half.png', 'image/png')))
    expect(status).toBe(400)
    expect(json.errors?.[0].data?.reason).toBe('undecodableImage')
  })

  it('refuses a create that asks the server to download the file from a URL', async () => {
    const { status, json } = await leavesNothing(() => post({ alt: '网址导入', url: 'https://example.com/bomb.png', filename: 'bomb.png' }))
    expect(status).toBe(400)
    expect(json.errors?.[0].message).toMatch(/^不支持通过网址导入图片/)
  })

  it('still answers an anonymous upload with 403', async () => {
    const { status } = await leavesNothing(() => post(form(notImages.html, 'x.jpg', 'image/jpeg'), false))
    expect(status).toBe(403)
  })

  it('accepts a real photo', async () => {
    const { status } = await post(form(await noisyImage('jpeg', 64, 48), 'rest.jpg', 'image/jpeg'))
    expect(status).toBe(201)
  })
})
