import type { Payload } from 'payload'

import type { Article } from '@payload-types'
import { findFocusArticles, findFrontLead, findFrontPageLayout, findPinnedArticles } from '@/reader/data/frontPageQueries'
import { inProcessClient } from '../../../helpers/inProcessApi'
import type { Staff } from '../../../helpers/newsroomUsers'
import { useTestPayload } from '../../../helpers/payload'
import { noisyImage } from '../../../helpers/uploadFixtures'
import { publishThroughChain } from '../../../helpers/workflow'

/** 首页版面 against a real (temporary) database: what readers get of the layout editors publish, and of the draft they arrange. */

let payload: Payload
let staff: Staff

useTestPayload({ staff: true }, (booted) => ({ payload, staff } = booted))

const editor = () => ({ user: { ...staff.editor, collection: 'users' as const }, overrideAccess: false })

let clock = Date.parse('2026-11-01T02:00:00.000Z')
async function published(title: string, slug: string, extra: Record<string, unknown> = {}): Promise<Article> {
  const article = await payload.create({ collection: 'articles', data: { title, slug, ...extra } as never, draft: true, ...editor() })
  clock += 60_000
  return publishThroughChain(payload, staff, article.id, { now: new Date(clock) })
}

async function photo(alt: string) {
  const image = await noisyImage('jpeg', 600, 400)
  return payload.create({ collection: 'photos', data: { alt }, file: { data: image, mimetype: 'image/jpeg', name: `${alt}.jpg`, size: image.length } })
}

const slugs = (articles: readonly (Article | null)[]) => articles.map((article) => article?.slug)

describe('the front page layout (首页版面)', () => {
  let first: Article, second: Article, third: Article, pictured: Article, alsoPictured: Article
  beforeAll(async () => {
    first = await published('第一篇', 'first')
    second = await published('第二篇', 'second')
    pictured = await published('有图的稿件', 'pictured', { leadPhoto: (await photo('桥')).id })
    alsoPictured = await published('也有图', 'also-pictured', { leadPhoto: (await photo('田')).id })
    third = await published('第三篇', 'third')
  })

  it('lays itself out before editors publish a layout: the newest as 头条, the newest photographs as 焦点图', async () => {
    const layout = await findFrontPageLayout(payload)
    expect(layout.lead).toBeNull()
    expect(slugs([await findFrontLead(payload, layout)])).toEqual([third.slug])
    expect(slugs(await findFocusArticles(payload, layout))).toEqual([alsoPictured.slug, pictured.slug])
  })

  it('shows readers the published picks in the editors’ order, leaving out a pick without a photograph from 焦点图', async () => {
    await payload.updateGlobal({ slug: 'front-page', data: { lead: first.id, focus: [pictured.id, second.id, alsoPictured.id], pinned: [second.id, first.id], _status: 'published' }, ...editor() })
    const layout = await findFrontPageLayout(payload)
    expect(slugs([await findFrontLead(payload, layout)])).toEqual([first.slug])
    expect(slugs(await findFocusArticles(payload, layout))).toEqual([pictured.slug, alsoPictured.slug])
    expect(slugs(await findPinnedArticles(payload, layout))).toEqual([second.slug, first.slug])
  })

  it('keeps the draft being arranged from readers, over the data module and REST, while staff preview it', async () => {
    await payload.updateGlobal({ slug: 'front-page', data: { lead: third.id }, draft: true, ...editor() })
    expect((await findFrontPageLayout(payload)).lead).toBe(first.id)
    expect((await findFrontPageLayout(payload, { user: { ...staff.editor, collection: 'users' } as never })).lead).toBe(third.id)
    const reply = await inProcessClient(payload).rest('/api/globals/front-page?draft=true&depth=0')
    expect(reply.json.lead ?? null).not.toBe(third.id)
  })

  it('refuses to pick an article readers cannot see, keeping the published layout', async () => {
    const draft = await payload.create({ collection: 'articles', data: { title: '未发布', slug: 'unpublished' } as never, draft: true, ...editor() })
    await expect(payload.updateGlobal({ slug: 'front-page', data: { lead: draft.id, _status: 'published' }, ...editor() })).rejects.toThrow()
    expect((await findFrontPageLayout(payload)).lead).toBe(first.id)
  })

  it('refuses journalists and readers who would lay out the front page', async () => {
    await expect(payload.updateGlobal({ slug: 'front-page', data: { lead: second.id }, user: { ...staff.journalist, collection: 'users' }, overrideAccess: false })).rejects.toThrow()
    expect((await inProcessClient(payload).rest('/api/globals/front-page', { method: 'POST', body: { lead: second.id } })).status).toBe(403)
  })
})
