import type { FlattenedField, Payload } from 'payload'
import sharp from 'sharp'

import { articleBodyRules } from '@collections/Articles/body'
import { importPage } from '@/import/importPage'
import { documentIdCheck } from '@/database/adapter'
import { RICH_TEXT_LIMITS } from '@/security/textLimits'
import { lexicalTreeProblems } from '@/security/lexicalTree'
import { lexicalTreeRulesOf } from '@/security/lexicalTreeField'
import { readSeedPage } from '@/seed/data'
import { blockNode, headingNode, paragraphNode, rootNode, uploadNode } from '@/seed/lexical'
import { type InProcessClient, refusedPaths, signedInClient } from '../../helpers/inProcessApi'
import { type GraphqlReply, inProcessGraphql } from '../../helpers/inProcessGraphql'
import { type Staff, STAFF_PASSWORD } from '../../helpers/newsroomUsers'
import { useTestPayload } from '../../helpers/payload'
import { validationMessages } from '../../helpers/validation'
import { bodyCarrying, textNode } from '../../helpers/xssFixtures'
import { fileWithTestDesk, signFinal } from '../../helpers/workflow'

let payload: Payload
let staff: Staff
let editor: InProcessClient
let graphql: ReturnType<typeof inProcessGraphql>
let photoId: number | string
let publishedId: number | string

const articleCount = async () => (await payload.count({ collection: 'articles' })).totalDocs
const stored = async () => payload.findByID({ collection: 'articles', id: publishedId, depth: 0, draft: true })
const graphqlRefusals = (reply: GraphqlReply) =>
  (reply.errors ?? []).flatMap((error) => {
    const extensions = error.extensions as { statusCode?: number; data?: { errors?: { path: string; message: string }[] } } | undefined
    return (extensions?.data?.errors ?? []).map((refusal) => ({ status: extensions?.statusCode, ...refusal }))
  })
const restMessages = (json: { errors?: { data?: { errors?: { message: string }[] } }[] }) => (json?.errors ?? []).flatMap((error) => error.data?.errors ?? []).map((error) => error.message)

useTestPayload({ staff: true, seed: true }, async (booted) => {
  ;({ payload, staff } = booted)
  editor = await signedInClient(payload, staff.editor.email, STAFF_PASSWORD)
  graphql = inProcessGraphql(editor.token)
  const image = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#7a8a99' } }).png().toBuffer()
  photoId = (await payload.create({ collection: 'photos', data: { alt: '正文插图' } as never, file: { data: image, mimetype: 'image/png', name: 'tree.png', size: image.length } })).id
  const draft = await payload.create({ collection: 'articles', data: { title: '已发布的正文测试稿', body: rootNode([paragraphNode('原来的正文')]) } as never, draft: true })
  await payload.update({ collection: 'articles', id: draft.id, data: { _status: 'published', workflowState: 'published' } as never, context: { seeding: true } })
  publishedId = draft.id
})

const ELEMENT = { format: '', indent: 0, version: 1, direction: 'ltr' }
const BAD_BODIES = [
  { name: 'an html node', node: { type: 'html', version: 1, html: '<script>alert(1)</script>' }, says: '正文 › 第2段：不支持的节点类型“html”' },
  { name: 'an unknown node type', node: { type: 'youtube', version: 1, id: 'x' }, says: '正文 › 第2段：不支持的节点类型“youtube”' },
  { name: 'a heading with tag script', node: { ...headingNode('小标题'), tag: 'script' }, says: '正文 › 第2段：小标题级别只能是 h2、h3，现为“script”' },
  { name: 'a list with tag iframe', node: { ...ELEMENT, type: 'list', listType: 'bullet', tag: 'iframe', start: 1, children: [] }, says: '正文 › 第2段：列表标签 tag 应为 ul，现为“iframe”' },
  { name: 'an unknown block', node: blockNode('rawHtml', { html: '<script>alert(1)</script>' }), says: '正文 › 第2段：blockType：未知的内容块类型' },
  { name: 'a paragraph whose children is a string', node: { ...paragraphNode('x'), children: 'abc' }, says: '正文 › 第2段：子节点 children 应为数组' },
]
const bodyWith = (node: Record<string, unknown>) => rootNode([paragraphNode('第一段'), node])

describe.each(BAD_BODIES)('a body holding $name', ({ node, says }) => {
  it('is refused in a draft over REST with a 400 naming body and the node, and nothing is stored', async () => {
    const before = await articleCount()
    const reply = await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title: '坏正文', body: bodyWith(node) } })
    expect(reply.status).toBe(400)
    expect(refusedPaths(reply.json)).toEqual(['body'])
    expect(restMessages(reply.json)).toEqual([expect.stringContaining(says)])
    expect(await articleCount()).toBe(before)
  })

  it('is refused in a draft over GraphQL, and nothing is stored', async () => {
    const before = await articleCount()
    const reply = await graphql('mutation ($body: JSON) { createArticle(data: { title: "坏正文", body: $body }, draft: true) { id } }', { body: bodyWith(node) })
    expect(graphqlRefusals(reply)).toEqual([{ status: 400, path: 'body', message: expect.stringContaining(says) }])
    expect(await articleCount()).toBe(before)
  })

  it('is refused when a published article is saved over REST and over GraphQL, leaving it as it was', async () => {
    const before = await stored()
    const rest = await editor.rest(`/api/articles/${publishedId}?draft=false`, { method: 'PATCH', body: { body: bodyWith(node), _status: 'published', updatedAt: before.updatedAt } })
    expect([rest.status, refusedPaths(rest.json)]).toEqual([400, ['body']])
    const viaGraphql = await graphql('mutation ($id: Int!, $body: JSON, $at: String) { updateArticle(id: $id, data: { body: $body, _status: published, updatedAt: $at }, draft: false) { id } }', { id: publishedId, body: bodyWith(node), at: before.updatedAt })
    expect(graphqlRefusals(viaGraphql)).toEqual([expect.objectContaining({ status: 400, path: 'body' })])
    expect(await stored()).toEqual(before)
  })

  it('is refused in a draft saved through the Local API on behalf of a user', async () => {
    const before = await articleCount()
    const message = await validationMessages(() => payload.create({ collection: 'articles', draft: true, user: { ...staff.editor, collection: 'users' }, data: { title: '坏正文', body: bodyWith(node) } as never }))
    expect(message).toContain(says)
    expect(await articleCount()).toBe(before)
  })
})

describe('bodies the editor makes', () => {
  it('saves a body using every node and block the editor offers, as a draft and when published', async () => {
    const body = bodyCarrying('正文 <b>“引号”</b> & 𠀋', photoId, 'https://example.com/a?b=1&c=2')
    const draft = await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title: '完整正文', body } })
    expect([draft.status, draft.json?.errors]).toEqual([201, undefined])
    const { updatedAt } = await stored()
    const saved = await editor.rest(`/api/articles/${publishedId}?draft=true`, { method: 'PATCH', body: { body, updatedAt } })
    expect([saved.status, saved.json?.errors]).toEqual([200, undefined])
    const signed = await signFinal(payload, staff, publishedId as number)
    const published = await editor.rest(`/api/articles/${publishedId}?draft=false`, { method: 'PATCH', body: { _status: 'published', updatedAt: signed.updatedAt } })
    expect([published.status, published.json?.errors]).toEqual([200, undefined])
  })

  it('refuses an inline photo that does not exist, in a draft, naming body', async () => {
    const reply = await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title: '缺图', body: rootNode([uploadNode('photos', 424242)]) } })
    expect([reply.status, refusedPaths(reply.json)]).toEqual([400, ['body']])
    expect(restMessages(reply.json)).toEqual([expect.stringContaining('关联的条目不存在')])
  })

  it(`refuses a body of more than ${RICH_TEXT_LIMITS.characters} characters, counting them`, async () => {
    const paragraphs = Array.from({ length: 101 }, () => paragraphNode('字'.repeat(RICH_TEXT_LIMITS.characters / 100)))
    const reply = await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title: '超长正文', body: rootNode(paragraphs) } })
    expect(reply.status).toBe(400)
    expect(restMessages(reply.json)).toEqual([`正文最多 ${RICH_TEXT_LIMITS.characters} 个字，现有 ${RICH_TEXT_LIMITS.characters * 1.01} 个字（at most ${RICH_TEXT_LIMITS.characters} characters）`])
  })

  it('passes every seeded article and both print pages imported on behalf of an editor', async () => {
    for (const page of ['000', '001'] as const) expect((await importPage(payload, readSeedPage(page), { user: { ...staff.editor, collection: 'users' }, edition: { date: '2025-11-13', pageNumber: Number(page) + 5, pageName: '测试版' } })).status).toBe('created')
    const { docs } = await payload.find({ collection: 'articles', draft: true, depth: 0, limit: 100, pagination: false, overrideAccess: true, select: { title: true, body: true } })
    expect(docs.length).toBeGreaterThan(15)
    const problems = docs.filter((doc) => doc.body).flatMap((doc) => lexicalTreeProblems(doc.body, articleBodyRules, { isId: documentIdCheck(payload), path: 'body', label: doc.title }).problems)
    expect(problems).toEqual([])
  })
})

describe('the allow-list', () => {
  it('holds exactly the node types the article editor registers, besides Lexical’s own and the inline blocks it does not configure', () => {
    const body = payload.collections.articles.config.flattenedFields.find((field) => field.name === 'body') as FlattenedField & { editor: { editorConfig: { features: { nodes: { node: { getType: () => string } }[] } } } }
    const registered = body.editor.editorConfig.features.nodes.map(({ node }) => node.getType()).filter((type) => type !== 'inlineBlock')
    expect([...articleBodyRules.nodeTypes].sort()).toEqual([...registered, 'paragraph', 'text', 'linebreak', 'tab'].sort())
  })

  it('checks every rich text field of every collection', () => {
    const unchecked = payload.config.collections.flatMap((collection) => collection.flattenedFields.filter((field) => field.type === 'richText' && !lexicalTreeRulesOf(field)).map((field) => `${collection.slug}.${field.name}`))
    expect(unchecked).toEqual([])
  })

  it('keeps a text node’s own words whatever they say, so only structure is refused', async () => {
    const reply = await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title: '文字', body: rootNode([{ ...paragraphNode(''), children: [textNode('<script>alert(1)</script> ]]>')] }]) } })
    expect([reply.status, reply.json?.errors]).toEqual([201, undefined])
  })
})

describe('bodies stored before the rules', () => {
  it('do not stop a workflow step or a save of another field, and are checked once changed', async () => {
    const legacy = rootNode([paragraphNode('旧稿正文'), { type: 'html', html: '<b>旧稿里的 HTML</b>', version: 1 }])
    const { id } = await payload.create({ collection: 'articles', draft: true, data: { title: '规则之前保存的稿件', body: legacy } as never })
    await fileWithTestDesk(payload, id)
    const submitted = await editor.rest(`/api/articles/${id}/workflow`, { method: 'POST', body: { action: 'submit' } })
    expect({ status: submitted.status, json: submitted.json }).toMatchObject({ status: 200 })
    const current = await payload.findByID({ collection: 'articles', id, depth: 0, draft: true })
    const retitled = await editor.rest(`/api/articles/${id}?draft=true`, { method: 'PATCH', body: { title: '规则之前保存的稿件（改题）', body: legacy, updatedAt: current.updatedAt } })
    expect({ status: retitled.status, json: retitled.json }).toMatchObject({ status: 200 })
    const changed = await editor.rest(`/api/articles/${id}?draft=true`, {
      method: 'PATCH',
      body: { body: rootNode([...legacy.root.children, paragraphNode('新加的一段')]), updatedAt: retitled.json.doc.updatedAt },
    })
    expect(changed.status).toBe(400)
  })
})
