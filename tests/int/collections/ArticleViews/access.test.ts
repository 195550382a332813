import type { Payload } from 'payload'

import type { Article } from '@payload-types'
import { articleViewService } from '@/readerViews/service'
import { inProcessClient, signedInClient } from '../../../helpers/inProcessApi'
import { inProcessGraphql } from '../../../helpers/inProcessGraphql'
import { inProcessRoutes } from '../../../helpers/inProcessRoutes'
import { type Staff, STAFF_PASSWORD } from '../../../helpers/newsroomUsers'
import { useTestPayload } from '../../../helpers/payload'
import { articleInState, storedViews } from '../../readerViews/fixtures'

let payload: Payload
let staff: Staff
let live: Article
let draft: Article
let rowId: number | string

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'

/** A beacon as a browser sends it, through the REST route with its body limits. */
const beacon = (body: string, headers: Record<string, string> = {}, method = 'POST') =>
  inProcessRoutes(payload).rest('/api/article-views/beacon', { method, rawBody: body, headers: { 'Content-Type': 'text/plain;charset=UTF-8', 'User-Agent': BROWSER, 'X-Forwarded-For': '203.0.113.7', ...headers } })

/** Waits for the beacons' counting (done after the answer) and writes it. */
async function flushed(): Promise<Record<string, number>> {
  const service = articleViewService(payload)
  for (let tries = 0; tries < 50 && service.counter.pendingViews === 0; tries++) await new Promise((resolve) => setTimeout(resolve, 20))
  await new Promise((resolve) => setTimeout(resolve, 50))
  await service.flush()
  return storedViews(payload)
}

useTestPayload({ staff: true }, async (booted) => {
  ;({ payload, staff } = booted)
  live = await articleInState(payload, staff, 'published', '已发布', 'views-live')
  draft = await articleInState(payload, staff, 'draft', '草稿', 'views-draft')
  const row = await payload.create({ collection: 'article-views', overrideAccess: true, data: { article: live.id as number, day: '2026-01-01', views: 5 } })
  rowId = row.id
})

describe('article views (阅读量)', () => {
  it('are counted from a reader’s beacon, once per reader per day, answered with 204 and no body', async () => {
    const answers = [await beacon('views-live'), await beacon('views-live'), await beacon('views-live', { 'User-Agent': `${BROWSER} Edg/131.0` })]
    expect(answers.map((answer) => [answer.status, answer.json])).toEqual([
      [204, null],
      [204, null],
      [204, null],
    ])
    const stored = await flushed()
    expect(Object.entries(stored).filter(([key]) => key.startsWith(`${live.id}@`) && !key.endsWith('2026-01-01')).map(([, views]) => views)).toEqual([2])
  })

  it('ignore crawlers, signed-in staff, other sites, drafts and unknown slugs, all with the same 204', async () => {
    const before = await storedViews(payload)
    const editor = await signedInClient(payload, staff.editor.email, STAFF_PASSWORD)
    const answers = [
      await beacon('views-live', { 'User-Agent': GOOGLEBOT }),
      await beacon('views-live', { 'User-Agent': '' }),
      await beacon('views-live', { Authorization: `JWT ${editor.token}`, 'X-Forwarded-For': '203.0.113.99' }),
      await beacon('views-live', { 'Sec-Fetch-Site': 'cross-site', 'X-Forwarded-For': '203.0.113.98' }),
      await beacon('views-draft', { 'X-Forwarded-For': '203.0.113.97' }),
      await beacon('no-such-article', { 'X-Forwarded-For': '203.0.113.96' }),
    ]
    expect(answers.map((answer) => answer.status)).toEqual([204, 204, 204, 204, 204, 204])
    await new Promise((resolve) => setTimeout(resolve, 200))
    await articleViewService(payload).flush()
    expect(await storedViews(payload)).toEqual(before)
    expect(draft.id).toBeDefined()
  })

  it('refuse what is not a slug, a body over 256 bytes and every method but POST, never with a server error', async () => {
    expect((await beacon('')).status).toBe(400)
    expect((await beacon('<script>alert(1)</script>')).status).toBe(400)
    expect((await beacon('a'.repeat(201))).status).toBe(400)
    expect((await beacon('a'.repeat(300))).status).toBe(413)
    expect((await beacon('\u0000\uffff')).status).toBe(400)
    expect((await inProcessRoutes(payload).rest('/api/article-views/beacon')).status).toBe(405)
    for (const method of ['PUT', 'PATCH', 'DELETE']) expect([method, (await beacon('views-live', {}, method)).status]).toEqual([method, 405])
  })

  it('are kept from readers over REST and GraphQL, and from journalists', async () => {
    expect((await inProcessClient(payload).rest('/api/article-views')).status).toBe(403)
    expect((await inProcessClient(payload).rest(`/api/article-views/${rowId}`)).status).toBe(403)
    const graph = await inProcessGraphql()('{ ArticleViews { docs { id views day } } }')
    expect(graph.data?.ArticleViews ?? null).toBeNull()
    const journalist = await signedInClient(payload, staff.journalist.email, STAFF_PASSWORD)
    expect((await journalist.rest('/api/article-views')).status).toBe(403)
  })

  it('are read by editors and administrators, over REST and GraphQL', async () => {
    for (const who of [staff.editor, staff.admin]) {
      const client = await signedInClient(payload, who.email, STAFF_PASSWORD)
      const reply = await client.rest(`/api/article-views/${rowId}?depth=0`)
      expect([who.email, reply.status, reply.json?.views]).toEqual([who.email, 200, 5])
      const graph = await inProcessGraphql(client.token)(`{ ArticleViews(where: { day: { equals: "2026-01-01" } }) { docs { views day } } }`)
      expect(graph.data?.ArticleViews?.docs).toEqual([{ views: 5, day: '2026-01-01' }])
    }
  })

  it('may be written by nobody over the API, an administrator included', async () => {
    const admin = await signedInClient(payload, staff.admin.email, STAFF_PASSWORD)
    expect((await admin.rest('/api/article-views', { method: 'POST', body: { article: live.id, day: '2026-01-02', views: 1000 } })).status).toBe(403)
    expect((await admin.rest(`/api/article-views/${rowId}`, { method: 'PATCH', body: { views: 1000 } })).status).toBe(403)
    expect((await admin.rest(`/api/article-views/${rowId}`, { method: 'DELETE' })).status).toBe(403)
    const mutation = await inProcessGraphql(admin.token)(`mutation { updateArticleView(id: ${JSON.stringify(rowId)}, data: { views: 1000 }) { views } }`)
    expect(mutation.data?.updateArticleView ?? null).toBeNull()
    expect((await payload.findByID({ collection: 'article-views', id: rowId, overrideAccess: true })).views).toBe(5)
  })
})
