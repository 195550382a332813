import { createLocalReq, type Payload } from 'payload'

import type { Article, Photo } from '@payload-types'
import { backfillPhotoPublicity } from '@/publishing/photoPublicity'
import { findArticleBySlug } from '@/reader/data/queries'
import { renderPlaceholderPhoto } from '@/seed/placeholderImage'
import { uploadNode } from '@/seed/lexical'
import { transitionArticle } from '@/workflow/transitionArticle'
import { type InProcessClient, inProcessClient, signedInClient } from '../../helpers/inProcessApi'
import { inProcessGraphql } from '../../helpers/inProcessGraphql'
import { type Staff, STAFF_PASSWORD } from '../../helpers/newsroomUsers'
import { useTestPayload } from '../../helpers/payload'
import { signFinal, signRemainingLevels, transitionAs } from '../../helpers/workflow'

let payload: Payload
let staff: Staff
let journalist: InProcessClient
let editor: InProcessClient
const anonymous = () => inProcessClient(payload)

useTestPayload({ staff: true }, async (booted) => {
  ;({ payload, staff } = booted)
  journalist = await signedInClient(payload, staff.journalist.email, STAFF_PASSWORD)
  editor = await signedInClient(payload, staff.editor.email, STAFF_PASSWORD)
})

/** A photo uploaded over REST by the journalist, as the admin's upload does. */
async function upload(caption: string): Promise<Photo> {
  const body = new FormData()
  const image = await renderPlaceholderPhoto(caption)
  body.append('file', new Blob([new Uint8Array(image)], { type: 'image/png' }), 'photo.png')
  body.append('_payload', JSON.stringify({ alt: caption, caption, creditText: `${caption}的摄影者` }))
  const reply = await journalist.rest('/api/photos', { method: 'POST', body })
  expect(reply.status).toBe(201)
  return reply.json.doc
}

const paragraphWithPhoto = (photoId: number) => ({
  root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: [uploadNode('photos', photoId)] },
})

async function draftShowing(title: string, photos: Partial<Pick<Article, 'leadPhoto' | 'photos' | 'seo' | 'body'>>): Promise<Article> {
  return payload.create({ collection: 'articles', draft: true, data: { title, slug: `photo-${Date.now()}`, ...photos } as never, user: { ...staff.journalist, collection: 'users' }, overrideAccess: false })
}

async function publish(article: Article) {
  await transitionAs(payload, staff.journalist, { id: article.id, action: 'submit' })
  await signRemainingLevels(payload, staff, article.id)
  return transitionAs(payload, staff.editor, { id: article.id, action: 'publish' })
}

/** What an anonymous client gets: the photo in the list, by id, its file and an image size's file. */
async function publicly(photo: Photo) {
  const client = anonymous()
  const list = await client.rest('/api/photos?sort=-createdAt&limit=100')
  return {
    listed: list.json.docs.some((doc: Photo) => doc.id === photo.id),
    byId: (await client.rest(`/api/photos/${photo.id}`)).status,
    file: (await client.rest(`/api/photos/file/${photo.filename}`)).status,
    thumbnail: (await client.rest(`/api/photos/file/${photo.sizes!.thumbnail!.filename}`)).status,
  }
}
const HIDDEN = { listed: false, byId: 404, file: 403, thumbnail: 403 }
const SHOWN = { listed: true, byId: 200, file: 200, thumbnail: 200 }

describe('who sees a photo', () => {
  it('keeps a draft’s photo from anonymous REST and GraphQL, its caption and its file URLs, while staff see it', async () => {
    const photo = await upload('禁发稿的照片')
    await draftShowing('禁发稿', { leadPhoto: photo.id })
    expect(await publicly(photo)).toEqual(HIDDEN)
    const graphql = await inProcessGraphql()(`{ Photos(limit: 100) { docs { id caption } } }`)
    expect(JSON.stringify(graphql)).not.toContain('禁发稿的照片')
    const staffList = await journalist.rest('/api/photos?sort=-createdAt&limit=100')
    expect(staffList.json.docs.map((doc: Photo) => doc.id)).toContain(photo.id)
    expect((await editor.rest(`/api/photos/file/${photo.filename}`)).status).toBe(200)
  })

  it('makes every photo an article shows public once it is published, and the reader page gets them', async () => {
    const [lead, gallery, share, inBody] = await Promise.all(['主图', '组图', '分享图', '正文图'].map((caption) => upload(caption)))
    const article = await draftShowing('带四张图的报道', { leadPhoto: lead.id, photos: [gallery.id], seo: { image: share.id }, body: paragraphWithPhoto(inBody.id) as never })
    for (const photo of [lead, gallery, share, inBody]) expect(await publicly(photo)).toEqual(HIDDEN)
    await publish(article)
    for (const photo of [lead, gallery, share, inBody]) expect(await publicly(photo)).toEqual(SHOWN)
    const page = await findArticleBySlug(payload, article.slug!)
    expect(page?.leadPhoto).toMatchObject({ id: lead.id, caption: '主图', url: expect.stringContaining('/api/photos/file/') })
    expect(page?.photos).toEqual([expect.objectContaining({ id: gallery.id })])
  })

  it('keeps a photo added in a pending draft of a published article internal until the change is published, and then hides the one it replaced', async () => {
    const original = await upload('发布时的原图')
    const article = await publish(await draftShowing('已发布后换图', { leadPhoto: original.id }))
    const replacement = await upload('待发布的新图')
    const latest = await payload.findByID({ collection: 'articles', id: article.id, draft: true, depth: 0 })
    const draft = await editor.rest(`/api/articles/${article.id}?draft=true`, { method: 'PATCH', body: { leadPhoto: replacement.id, updatedAt: latest.updatedAt } })
    expect(draft.status).toBe(200)
    expect([await publicly(original), await publicly(replacement)]).toEqual([SHOWN, HIDDEN])
    const signed = await signFinal(payload, staff, article.id)
    expect([await publicly(original), await publicly(replacement)]).toEqual([SHOWN, HIDDEN])
    const change = await editor.rest(`/api/articles/${article.id}`, { method: 'PATCH', body: { _status: 'published', updatedAt: signed.updatedAt } })
    expect(change.status).toBe(200)
    expect([await publicly(original), await publicly(replacement)]).toEqual([HIDDEN, SHOWN])
  })

  it('hides a photo again when the articles showing it are retracted or taken offline', async () => {
    const shared = await upload('两篇共用的图')
    const first = await publish(await draftShowing('共用图的第一篇', { leadPhoto: shared.id }))
    const second = await publish(await draftShowing('共用图的第二篇', { photos: [shared.id] }))
    await transitionAs(payload, staff.chiefEditor, { id: first.id, action: 'retract', note: '撤稿。' })
    expect(await publicly(shared)).toEqual(SHOWN)
    await transitionArticle(payload, await createLocalReq({}, payload), { id: second.id, action: 'expire', system: true })
    expect(await publicly(shared)).toEqual(HIDDEN)
  })

  it('hides the photos of a deleted article', async () => {
    const photo = await upload('删稿后的图')
    const article = await publish(await draftShowing('将删除的报道', { leadPhoto: photo.id }))
    expect((await editor.rest(`/api/articles/${article.id}`, { method: 'DELETE' })).status).toBe(200)
    expect(await publicly(photo)).toEqual(HIDDEN)
  })

  it('makes a column’s logo public, and hides a replaced or deleted one', async () => {
    const [first, second] = [await upload('专栏旧标识'), await upload('专栏新标识')]
    const column = await editor.rest('/api/columns', { method: 'POST', body: { name: '有标识的专栏', logo: first.id } })
    expect(column.status).toBe(201)
    expect(await publicly(first)).toEqual(SHOWN)
    const updated = await editor.rest(`/api/columns/${column.json.doc.id}`, { method: 'PATCH', body: { logo: second.id } })
    expect(updated.status).toBe(200)
    expect([await publicly(first), await publicly(second)]).toEqual([HIDDEN, SHOWN])
    expect((await editor.rest(`/api/columns/${column.json.doc.id}`, { method: 'DELETE' })).status).toBe(200)
    expect(await publicly(second)).toEqual(HIDDEN)
  })

  it('ignores a publicUse value a client sends', async () => {
    const photo = await upload('自称公开的图')
    const reply = await editor.rest(`/api/photos/${photo.id}`, { method: 'PATCH', body: { publicUse: true } })
    expect(reply.status).toBe(200)
    expect(await publicly(photo)).toEqual(HIDDEN)
  })
})

describe('a database that predates photo publicity', () => {
  it('gets each photo’s publicity derived at boot, as MongoDB has no migration to do it', async () => {
    const shown = await upload('补算：已发布稿件的图')
    const internal = await upload('补算：草稿的图')
    await publish(await draftShowing('补算测试：已发布', { leadPhoto: shown.id }))
    await draftShowing('补算测试：草稿', { leadPhoto: internal.id })
    // As an upgraded MongoDB holds them: neither the photos' flag nor the articles' photo list exists.
    await payload.db.updateMany({ collection: 'photos', where: { id: { in: [shown.id, internal.id] } }, data: { publicUse: null } })
    await payload.db.updateMany({ collection: 'articles', where: { title: { like: '补算测试' } }, data: { usedPhotos: null } })
    expect(await publicly(shown)).toEqual(HIDDEN)
    await backfillPhotoPublicity(payload)
    expect(await publicly(shown)).toEqual(SHOWN)
    expect(await publicly(internal)).toEqual(HIDDEN)
    const marked = await payload.count({ collection: 'photos', where: { publicUse: { exists: false } } })
    expect(marked.totalDocs).toBe(0)
  })
})
