import type { Article, Photo } from '@payload-types'
import { down, up } from '@/migrations/20261204_225043_photo_publicity'
import { renderPlaceholderPhoto } from '@/seed/placeholderImage'
import { uploadNode } from '@/seed/lexical'
import { SEED_CONTEXT } from '@/seed/seedNewsroom'
import { useTestPayload } from '../../helpers/payload'

const db = useTestPayload()
const onSqlite = process.env.TEST_MONGODB_URI ? it.skip : it

async function photo(name: string): Promise<Photo> {
  const image = await renderPlaceholderPhoto(name)
  return db.payload.create({ collection: 'photos', data: { alt: name }, file: { data: image, mimetype: 'image/png', name: `${name}.png`, size: image.length } })
}

const article = (title: string, status: 'draft' | 'published' | 'retracted', photos: Partial<Article>) =>
  db.payload.create({
    collection: 'articles',
    draft: status === 'draft',
    data: { title, _status: status === 'draft' ? 'draft' : 'published', workflowState: status, ...photos } as never,
    context: SEED_CONTEXT,
  })

describe('the photo-publicity migration', () => {
  onSqlite('makes public exactly the photos published articles and columns show, body photos included', async () => {
    const { payload } = db
    const [lead, inBody, gallery, draftOnly, retractedOnly, logo] = await Promise.all(['主图', '正文图', '组图', '草稿图', '撤稿图', '标识'].map(photo))
    const published = await article('迁移前已发布', 'published', {
      leadPhoto: lead.id,
      photos: [gallery.id],
      body: { root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: [uploadNode('photos', inBody.id)] } } as never,
    })
    await article('迁移前的草稿', 'draft', { leadPhoto: draftOnly.id })
    await article('迁移前已撤稿', 'retracted', { leadPhoto: retractedOnly.id })
    await payload.create({ collection: 'columns', data: { name: '迁移前的专栏', logo: logo.id } as never })
    const args = { db: (payload.db as unknown as { drizzle: never }).drizzle, payload, req: {} as never }
    await down(args)
    await up(args)

    const stored = await payload.findByID({ collection: 'articles', id: published.id, depth: 0 })
    expect(stored.usedPhotos?.split(',').filter(Boolean).sort()).toEqual([lead.id, gallery.id, inBody.id].map(String).sort())
    const { docs } = await payload.find({ collection: 'photos', where: { publicUse: { equals: true } }, depth: 0, limit: 100 })
    expect(docs.map((doc) => doc.alt).sort()).toEqual(['主图', '正文图', '组图', '标识'].sort())
  })
})
