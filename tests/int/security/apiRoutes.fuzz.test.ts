import type { Payload } from 'payload'

import { type InProcessClient, inProcessClient, signedInClient } from '../../helpers/inProcessApi'
import { inProcessRoutes } from '../../helpers/inProcessRoutes'
import { STAFF_PASSWORD } from '../../helpers/newsroomUsers'
import { useTestPayload } from '../../helpers/payload'
import { seededRandom } from '../../../bench/seededRandom'

/**
 * Random and mutated requests against the REST API, replayable from FUZZ_SEED. Whatever
 * arrives, the answer is never a 500, and a refused write changes nothing.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261123)
const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 250)

let payload: Payload
let anonymous: InProcessClient
let editor: InProcessClient
let articleId: number | string
let columnId: number | string

useTestPayload({ staff: true }, async (booted) => {
  payload = booted.payload
  anonymous = inProcessClient(payload)
  editor = await signedInClient(payload, booted.staff.editor.email, STAFF_PASSWORD)
  columnId = (await payload.create({ collection: 'columns', data: { name: '模糊测试专栏' } as never })).id
  articleId = (await payload.create({ collection: 'articles', data: { title: '模糊测试底稿', column: columnId } as never, draft: true })).id
})

const VALID_ARTICLE = () => ({
  title: '正常标题',
  kicker: '引题',
  subtitle: '副题',
  column: columnId,
  installment: { number: 2 },
  bylines: [],
  publishedAt: '2025-05-01T00:00:00.000Z',
  articleType: 'news',
  body: { root: { type: 'root', children: [], direction: null, format: '', indent: 0, version: 1 } },
})
const STRANGE_VALUES: unknown[] = [
  null, true, false, 0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, '', ' ', 'abc', '2025-13-45', '1', '\u0000', '𠀋'.repeat(3000),
  '<script>alert(1)</script>', [], [null], [{}], {}, { root: null }, { id: 'x' }, { relationTo: 'columns', value: 'x' }, '../../etc/passwd', 'NaN',
]
const KEYS = ['title', 'kicker', 'column', 'installment', 'bylines', 'publishedAt', 'articleType', 'body', 'tags', 'regions', 'leadPhoto', 'workflowState', 'id', '_status', 'constructor', '__proto__', 'bogus']
const QUERY_KEYS = ['limit', 'page', 'depth', 'draft', 'pagination', 'sort', 'where[title][equals]', 'where[column][in]', 'where[publishedAt][less_than]', 'where[or][0][id][equals]', 'where[installment.number][greater_than]', 'where[column.name][like]', 'select[title]', 'populate[columns][name]', 'where[nope][equals]', 'where[title][nope]', 'locale', 'trash']
const QUERY_VALUES = ['1', '0', '-1', '100', '101', '1e9', 'abc', 'true', 'false', '', '%00', '2025-01-01', 'title', '-title', '[]', '{}', '1,2,abc', 'null', 'a'.repeat(5000)]

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T
}

function mutatedArticle(next: () => number): Record<string, unknown> {
  const data: Record<string, unknown> = VALID_ARTICLE()
  const edits = 1 + Math.floor(next() * 4)
  for (let edit = 0; edit < edits; edit += 1) {
    const key = pick(next, KEYS)
    if (next() < 0.2) delete data[key]
    else data[key] = pick(next, STRANGE_VALUES)
  }
  return data
}

function randomQuery(next: () => number): string {
  const parts = Array.from({ length: 1 + Math.floor(next() * 4) }, () => `${pick(next, QUERY_KEYS)}=${encodeURIComponent(pick(next, QUERY_VALUES))}`)
  return parts.join('&')
}

function randomBody(next: () => number): string {
  const body = JSON.stringify(mutatedArticle(next))
  if (next() < 0.7) return body
  const cut = Math.floor(next() * body.length)
  return body.slice(0, cut) + pick(next, ['', '}', '"', '\\', '\u0000', ',,', ']']) + body.slice(cut + 1)
}

async function storedArticle() {
  return payload.findByID({ collection: 'articles', id: articleId, draft: true, depth: 0 })
}

describe(`REST fuzzing (seed ${SEED}, ${ROUNDS} rounds)`, () => {
  it('never answers 500, and refused writes leave the stored data as it was', async () => {
    const next = seededRandom(SEED)
    const failures: string[] = []
    for (let round = 0; round < ROUNDS; round += 1) {
      const kind = next()
      const countBefore = (await payload.count({ collection: 'articles' })).totalDocs
      const before = await storedArticle()
      let described: string
      let reply: { status: number }
      if (kind < 0.3) {
        described = `GET /api/articles?${randomQuery(next)}`
        reply = await pick(next, [anonymous, editor]).rest(described.slice(4))
      } else if (kind < 0.45) {
        const id = pick(next, [String(articleId), 'abc', '0', '-1', '1.5', '99999999999999999999', '%2e%2e', 'versions', String(articleId) + '?depth=9'])
        described = `GET /api/articles/${id}`
        reply = await anonymous.rest(`/api/articles/${id}`)
      } else if (kind < 0.75) {
        const rawBody = randomBody(next)
        described = `POST /api/articles ${rawBody.slice(0, 200)}`
        reply = await editor.rest('/api/articles?draft=true', { method: 'POST', rawBody })
        if (reply.status >= 400 && (await payload.count({ collection: 'articles' })).totalDocs !== countBefore) failures.push(`${described}: refused yet stored`)
      } else {
        const rawBody = randomBody(next)
        described = `PATCH /api/articles/${articleId} ${rawBody.slice(0, 200)}`
        reply = await editor.rest(`/api/articles/${articleId}?draft=true`, { method: 'PATCH', rawBody })
        if (reply.status >= 400) {
          const after = await storedArticle()
          if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${described}: refused yet changed the article`)
        }
      }
      if (reply.status >= 500) failures.push(`${described}: ${reply.status}`)
    }
    expect(failures).toEqual([])
  })
})

const BOUNDARY = 'fuzzboundary'
const MULTIPART_PARTS = [
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff\xe0\r\n`,
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"alt":"模糊测试"}\r\n`,
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"alt":\r\n`,
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${'名'.repeat(300)}.png"\r\n\r\n\x89PNG\r\n`,
  `--${BOUNDARY}\r\nContent-Disposition: form-data\r\n\r\nx\r\n`,
  `--${BOUNDARY}\r\nno header end`,
  `--${BOUNDARY}--\r\n`,
]
const CONTENT_TYPES = [`multipart/form-data; boundary=${BOUNDARY}`, 'multipart/form-data', 'multipart/form-data; boundary=', 'multipart/mixed; boundary=other', `multipart/form-data; boundary="${BOUNDARY}"`]
const FILE_NAMES = ['%00', 'a%00.jpg', 'a'.repeat(5000), `${'名'.repeat(2000)}.jpg`, '..%2f..%2fetc%2fpasswd', '%2e%2e', 'a.jpg%00.png', '%ff%fe', '.', '%20']

/** A multipart upload assembled from valid and broken parts, cut off at a random point. */
function randomMultipart(next: () => number): { contentType: string; rawBody: string } {
  const parts = Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(next, MULTIPART_PARTS)).join('')
  const whole = next() < 0.5 ? `${parts}--${BOUNDARY}--\r\n` : parts
  return { contentType: pick(next, CONTENT_TYPES), rawBody: whole.slice(0, Math.floor(next() * (whole.length + 1))) }
}

describe(`transport fuzzing through the API route (seed ${SEED}, ${Math.ceil(ROUNDS / 5)} rounds)`, () => {
  it('never answers 500 to broken multipart uploads or hostile file names, and stores no photo', async () => {
    const next = seededRandom(SEED + 1)
    // The route as app/(payload)/api/[...slug] exports it: some answers are corrected there.
    const routeAnonymous = inProcessRoutes(payload)
    const routeEditor = inProcessRoutes(payload, editor.token)
    const failures: string[] = []
    const photosBefore = (await payload.count({ collection: 'photos' })).totalDocs
    for (let round = 0; round < Math.ceil(ROUNDS / 5); round += 1) {
      let described: string
      let reply: { status: number }
      if (next() < 0.6) {
        const { contentType, rawBody } = randomMultipart(next)
        const path = pick(next, ['/api/photos', '/api/articles?draft=true', `/api/articles/${articleId}?draft=true`])
        described = `${path} ${contentType} ${JSON.stringify(rawBody.slice(0, 120))}`
        reply = await routeEditor.rest(path, { method: path.includes(`/${articleId}`) ? 'PATCH' : 'POST', rawBody, headers: { 'Content-Type': contentType } })
      } else {
        const path = `/api/photos/file/${pick(next, FILE_NAMES)}`
        described = `GET ${path.slice(0, 200)}`
        reply = await pick(next, [routeAnonymous, routeEditor]).rest(path)
      }
      if (reply.status >= 500) failures.push(`${described}: ${reply.status}`)
    }
    expect(failures).toEqual([])
    expect((await payload.count({ collection: 'photos' })).totalDocs).toBe(photosBefore)
  })
})
