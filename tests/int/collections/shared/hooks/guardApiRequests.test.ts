import type { Payload } from 'payload'

import { API_MAX_DEPTH, API_MAX_LIMIT, STAFF_MAX_LIMIT } from '@/security/apiLimits'
import { type InProcessClient, inProcessClient, refusedPaths, signedInClient } from '../../../../helpers/inProcessApi'
import { STAFF_PASSWORD } from '../../../../helpers/newsroomUsers'
import { useTestPayload } from '../../../../helpers/payload'

let payload: Payload
let anonymous: InProcessClient
let editor: InProcessClient
let journalist: InProcessClient
let staffIds: string
let columnId: number | string

const articleCount = async () => (await payload.count({ collection: 'articles' })).totalDocs

useTestPayload({ staff: true }, async (booted) => {
  payload = booted.payload
  anonymous = inProcessClient(payload)
  editor = await signedInClient(payload, booted.staff.editor.email, STAFF_PASSWORD)
  journalist = await signedInClient(payload, booted.staff.journalist.email, STAFF_PASSWORD)
  staffIds = [booted.staff.editor.id, booted.staff.journalist.id].join(',')
  columnId = (await payload.create({ collection: 'columns', data: { name: '接口测试专栏' } as never })).id
  const draft = await payload.create({ collection: 'articles', data: { title: '已发布的测试稿' } as never, draft: true })
  await payload.update({ collection: 'articles', id: draft.id, data: { _status: 'published', workflowState: 'published' } as never, context: { seeding: true } })
})

describe('list limits over REST', () => {
  it(`refuses a page larger than ${API_MAX_LIMIT} and accepts one of exactly ${API_MAX_LIMIT}`, async () => {
    const tooMany = await anonymous.rest(`/api/articles?limit=${API_MAX_LIMIT + 1}`)
    expect(tooMany.status).toBe(400)
    expect(refusedPaths(tooMany.json)).toEqual(['limit'])
    expect((await anonymous.rest(`/api/articles?limit=${API_MAX_LIMIT}&depth=0`)).status).toBe(200)
  })

  it(`lets signed-in staff ask for pages of up to ${STAFF_MAX_LIMIT}, as the admin's relationship cells do, and refuses anonymous clients`, async () => {
    // The admin's own request for the names in a list's 所属专栏 column.
    const cells = `/api/columns?depth=0&draft=true&limit=${STAFF_MAX_LIMIT}&where[id][in]=${columnId}`
    const signedIn = await editor.rest(cells)
    expect([signedIn.status, signedIn.json?.errors]).toEqual([200, undefined])
    expect(signedIn.json.docs.map((doc: { name: string }) => doc.name)).toEqual(['接口测试专栏'])
    expect((await editor.rest(`/api/articles?limit=${STAFF_MAX_LIMIT}&depth=0`)).status).toBe(200)
    const anonymousReply = await anonymous.rest(cells)
    expect(anonymousReply.status).toBe(400)
    expect(refusedPaths(anonymousReply.json)).toEqual(['limit'])
    const overStaffCap = await editor.rest(`/api/articles?limit=${STAFF_MAX_LIMIT + 1}&depth=0`)
    expect(overStaffCap.status).toBe(400)
    expect(refusedPaths(overStaffCap.json)).toEqual(['limit'])
    expect((await editor.rest(`/api/articles?pagination=false&limit=${STAFF_MAX_LIMIT}&depth=0`)).status).toBe(200)
  })

  it('answers a journalist’s 操作人/作者 lookup with colleagues’ names only', async () => {
    const reply = await journalist.rest(`/api/users?depth=0&draft=true&limit=${STAFF_MAX_LIMIT}&where[id][in]=${staffIds}`)
    expect(reply.status).toBe(200)
    const byId = Object.fromEntries(reply.json.docs.map((doc: Record<string, unknown>) => [String(doc.id), doc]))
    const [editorId, journalistId] = staffIds.split(',')
    expect(byId[editorId]).toEqual(expect.objectContaining({ name: '编辑' }))
    expect(byId[editorId]).not.toHaveProperty('email')
    expect(byId[editorId]).not.toHaveProperty('roles')
    expect(byId[journalistId]).toEqual(expect.objectContaining({ name: '记者' }))
  })

  it('refuses limit=0 (Payload reads it as "everything") and non-numeric limits and pages', async () => {
    for (const query of ['limit=0', 'limit=abc', 'page=0', 'page=-1', 'page=abc']) {
      const reply = await anonymous.rest(`/api/articles?${query}`)
      expect([query, reply.status]).toEqual([query, 400])
    }
  })

  it('refuses to switch pagination off for an anonymous client, and for staff without a limit', async () => {
    const anonymousReply = await anonymous.rest('/api/articles?pagination=false')
    expect(anonymousReply.status).toBe(400)
    expect(refusedPaths(anonymousReply.json)).toEqual(['pagination'])
    expect((await editor.rest('/api/articles?pagination=false')).status).toBe(400)
    expect((await editor.rest('/api/articles?pagination=false&limit=5&depth=0')).status).toBe(200)
  })

  it(`refuses a depth over ${API_MAX_DEPTH}`, async () => {
    expect((await anonymous.rest(`/api/articles?depth=${API_MAX_DEPTH + 1}`)).status).toBe(400)
    expect((await anonymous.rest(`/api/articles?depth=${API_MAX_DEPTH}`)).status).toBe(200)
  })

  it('applies the same limits to versions and counts', async () => {
    expect((await editor.rest('/api/articles/versions?limit=5000')).status).toBe(400)
    expect((await editor.rest('/api/articles/versions?limit=5&depth=0')).status).toBe(200)
  })
})

describe('query values over REST', () => {
  it.each([
    ['a date that is not one', 'where[publishedAt][greater_than]=notadate', 'where.publishedAt.greater_than'],
    ['a relationship id that cannot exist', 'where[column][equals]=abc', 'where.column.equals'],
    ['a number that is not one', 'where[installment.number][equals]=abc', 'where.installment.number.equals'],
    ['a list with one bad id', 'where[id][in]=1,abc', 'where.id.in'],
    ['a condition that is not an operator object', 'where[title]=x', 'where.title'],
    ['a condition given twice (an array where one value belongs)', 'where[title][equals]=a&where[title][equals]=b', 'where.title.equals'],
    ['an empty list', 'where[column][in]=null', 'where.column.in'],
    ['a bad value nested in or', 'where[or][0][publishedAt][less_than]=yesterday', 'where.or.0.publishedAt.less_than'],
  ])('answers 400 for %s, naming the condition', async (_, query, path) => {
    const reply = await anonymous.rest(`/api/articles?${query}`)
    expect(reply.status).toBe(400)
    expect(refusedPaths(reply.json)).toEqual([path])
  })

  it('still answers well-formed queries, including ones through a relationship', async () => {
    for (const query of ['where[publishedAt][greater_than]=2020-01-01', `where[column][equals]=${columnId}`, 'where[column.slug][equals]=x', 'where[column][exists]=false', 'where[id][in]=1,2']) {
      const reply = await anonymous.rest(`/api/articles?${query}&depth=0`)
      expect([query, reply.status]).toEqual([query, 200])
    }
  })

  it('answers 404, not 500, for an id the database could never hold', async () => {
    expect((await anonymous.rest('/api/articles/abc')).status).toBe(404)
    expect((await editor.rest('/api/articles/abc', { method: 'PATCH', body: { title: 'x' } })).status).toBe(404)
    expect((await editor.rest('/api/articles/1e3', { method: 'DELETE' })).status).toBe(404)
  })
})

describe('write data over REST', () => {
  it('answers malformed JSON with 400 and a message saying so', async () => {
    const reply = await editor.rest('/api/articles?draft=true', { method: 'POST', rawBody: '{"title": "未闭合' })
    expect(reply.status).toBe(400)
    expect(reply.json.errors[0].message).toMatch(/不是有效的 JSON/)
  })

  it.each([
    ['an unknown field', { title: '未知字段', bogus: 1 }, 'bogus'],
    ['text given as a number', { title: 123 }, 'title'],
    ['an array given as a string', { title: '署名', bylines: 'notarray' }, 'bylines'],
    ['a relationship id that cannot exist', { title: '专栏', column: 'abc' }, 'column'],
    ['a date that is not one', { title: '日期', publishedAt: 'notadate' }, 'publishedAt'],
    ['a select value that is not an option (even on a draft)', { title: '类型', articleType: 'bogus' }, 'articleType'],
    ['rich text that is not a Lexical document', { title: '正文', body: 'notlexical' }, 'body'],
    ['a related document that does not exist (drafts skip Payload’s own check)', { title: '题图', leadPhoto: 424242 }, 'leadPhoto'],
    ['a group given as null (Payload itself would throw)', { title: '期号', installment: null }, 'installment'],
    ['an unknown key inside an array row', { title: '行', bylines: [{ byline: null, sneaky: true }] }, 'bylines.0.sneaky'],
  ])('refuses %s with 400 naming the field, and stores nothing', async (_, data, path) => {
    const before = await articleCount()
    const reply = await editor.rest('/api/articles?draft=true', { method: 'POST', body: data })
    expect(reply.status).toBe(400)
    expect(refusedPaths(reply.json)).toEqual([path])
    expect(await articleCount()).toBe(before)
  })

  it('refuses a body that is not an object', async () => {
    for (const rawBody of ['[1,2]', '"text"', 'null']) {
      const reply = await editor.rest('/api/articles?draft=true', { method: 'POST', rawBody })
      expect([rawBody, reply.status]).toEqual([rawBody, 400])
    }
  })

  it('refuses a wrong type in an update and leaves the stored article as it was', async () => {
    const created = await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title: '原标题', column: columnId } })
    expect(created.status).toBe(201)
    const id = created.json.doc.id
    const reply = await editor.rest(`/api/articles/${id}?draft=true`, { method: 'PATCH', body: { title: '新标题', column: { nope: 1 } } })
    expect(reply.status).toBe(400)
    const stored = await payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
    expect(stored.title).toBe('原标题')
    expect(stored.column).toBe(columnId)
  })

  it('accepts well-formed data of every kind the article form sends', async () => {
    const reply = await editor.rest('/api/articles?draft=true', {
      method: 'POST',
      // Arrays without rows arrive from the admin's form as their row count, 0.
      body: { title: '完整的稿件', corrections: 0, reviewFlags: 0, kicker: '引题', subtitle: '副题', column: columnId, installment: { number: 3 }, publishedAt: '2025-03-01T08:00:00.000Z', bylines: [], _status: 'draft' },
    })
    expect([reply.status, reply.json?.errors]).toEqual([201, undefined])
  })
})
