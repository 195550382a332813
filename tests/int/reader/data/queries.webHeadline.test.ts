import type { Payload } from 'payload'

import type { Article } from '@payload-types'
import { findInstallmentNeighbours, findRelatedArticles } from '@/reader/data/queries'
import { searchArticles } from '@/search/query'
import { type InProcessClient, refusedPaths, signedInClient } from '../../../helpers/inProcessApi'
import { type Staff, STAFF_PASSWORD } from '../../../helpers/newsroomUsers'
import { useTestPayload } from '../../../helpers/payload'
import { publishThroughChain } from '../../../helpers/workflow'
import { TEXT_LIMITS } from '@/security/textLimits'

let payload: Payload
let staff: Staff
let editor: InProcessClient
let columnId: Article['id']
let first: Article
let second: Article

const asEditor = () => ({ user: { ...staff.editor, collection: 'users' as const } })

async function published(data: Record<string, unknown>): Promise<Article> {
  const article = await payload.create({ collection: 'articles', data: data as never, draft: true, ...asEditor() })
  await publishThroughChain(payload, staff, article.id)
  return article
}

useTestPayload({ staff: true }, async (booted) => {
  ;({ payload, staff } = booted)
  editor = await signedInClient(payload, staff.editor.email, STAFF_PASSWORD)
  const column = await payload.create({ collection: 'columns', data: { name: '网题专栏', numberingStyle: 'circled', cadence: 'weekly' } as never })
  columnId = column.id
  first = await published({ title: '报题：桂阳县村级议事协商常态化', webTitle: '桂阳村民议事有了“固定会期”', slug: 'wang-ti-1', column: columnId, installment: { number: 1 } })
  second = await published({ title: '报题：宁远县构建禁毒防毒墙', slug: 'wang-ti-2', column: columnId, installment: { number: 2 } })
})

describe('the web headline on reader lists', () => {
  it('reaches the column’s previous/next links and related reading', async () => {
    const { previous } = await findInstallmentNeighbours(payload, second)
    expect(previous).toMatchObject({ id: first.id, webTitle: '桂阳村民议事有了“固定会期”' })
    const related = await findRelatedArticles(payload, { id: second.id, column: columnId, tags: [], regions: [] } as never)
    expect(related.find((article) => article.id === first.id)?.webTitle).toBe('桂阳村民议事有了“固定会期”')
  })
})

describe('search', () => {
  it('finds a published article by its web headline and shows that headline', async () => {
    const results = await searchArticles(payload, '固定会期')
    expect(results.docs.map((hit) => hit.title)).toEqual(['桂阳村民议事有了“固定会期”'])
    const byPrint = await searchArticles(payload, '议事协商')
    expect(byPrint.docs.map((hit) => String(hit.id))).toEqual([String(first.id)])
  })
})

describe('网题 limits', () => {
  it(`refuses a web headline over ${TEXT_LIMITS.articles.webTitle} characters, naming 网题, and stores nothing`, async () => {
    const limit = TEXT_LIMITS.articles.webTitle
    const reply = await editor.rest(`/api/articles/${second.id}?draft=true`, { method: 'PATCH', body: { webTitle: '网'.repeat(limit + 1) } })
    expect(reply.status).toBe(400)
    expect(refusedPaths(reply.json)).toEqual(['webTitle'])
    expect(JSON.stringify(reply.json)).toContain(`网题最多 ${limit} 个字，现有 ${limit + 1} 个字`)
    const stored = await payload.findByID({ collection: 'articles', id: second.id, draft: true, depth: 0 })
    expect(stored.webTitle ?? null).toBeNull()
  })
})
