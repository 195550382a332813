import { type DemoServer, startDemoServer } from '../helpers/demoServer'
import { saveArticle, session, type Session, signInSession } from '../helpers/restClient'
import { publishOverApi } from '../helpers/demoChain'

const PASSWORD = 'newsroom-demo'
let server: DemoServer
let anonymous: Session
let editor: Session
let admin: Session
let journalist: Session
let editorDraft: { id: number; slug: string }
let journalistDraft: { id: number }
let published: { id: number; slug: string }

beforeAll(async () => {
  server = await startDemoServer()
  anonymous = session(server.baseUrl)
  editor = await signInSession(server.baseUrl, 'editor@newsroom.test', PASSWORD)
  admin = await signInSession(server.baseUrl, 'admin@newsroom.test', PASSWORD)
  journalist = await signInSession(server.baseUrl, 'journalist@newsroom.test', PASSWORD)
  editorDraft = (await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title: '编辑部未发布草稿机密' } })).json.doc
  journalistDraft = (await journalist.rest('/api/articles?draft=true', { method: 'POST', body: { title: '记者草稿' } })).json.doc
  const toPublish = (await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title: '接口测试发布稿' } })).json.doc
  await publishOverApi(server.baseUrl, toPublish.id)
  published = toPublish
  await editor.rest('/api/editorial-comments', { method: 'POST', body: { article: published.id, body: '内部批注不得外泄' } })
}, 15 * 60 * 1000)

afterAll(async () => {
  await server?.stop()
})

describe('anonymous clients over REST', () => {
  it('list only published articles, even when asking for drafts', async () => {
    const { json } = await anonymous.rest('/api/articles?draft=true&limit=100&depth=2')
    expect(json.docs.length).toBeGreaterThan(0)
    for (const doc of json.docs) expect(doc._status).toBe('published')
    expect(JSON.stringify(json)).not.toContain('编辑部未发布草稿机密')
  })

  it('cannot open a draft by id, with or without draft=true', async () => {
    for (const path of [`/api/articles/${editorDraft.id}`, `/api/articles/${editorDraft.id}?draft=true`]) {
      const { status, text } = await anonymous.rest(path)
      expect([403, 404]).toContain(status)
      expect(text).not.toContain('编辑部未发布草稿机密')
    }
  })

  it('see no owner, workflow state, history, comments or e-mail address on a published article', async () => {
    const { json, text } = await anonymous.rest(`/api/articles/${published.id}?depth=3`)
    for (const field of ['owner', 'workflowState', 'workflowHistory', 'editorialComments', 'sourceKey']) expect(json).not.toHaveProperty(field)
    expect(text).not.toContain('@newsroom.test')
    expect(text).not.toContain('内部批注不得外泄')
  })

  it.each([
    '/api/articles/versions',
    `/api/articles/versions?where[parent][equals]=${1}`,
    '/api/users',
    '/api/workflow-events',
    '/api/editorial-comments',
  ])('are refused %s', async (path) => {
    const { status } = await anonymous.rest(path)
    expect(status).toBe(403)
  })

  it('are told they are nobody by /api/users/me', async () => {
    const { json } = await anonymous.rest('/api/users/me')
    expect(json.user).toBeNull()
  })
})

describe('uploaded photo files', () => {
  it('are served to anyone once a published article shows them, and not before', async () => {
    const photoId = (await editor.rest('/api/photos?limit=1&depth=0')).json.docs[0].id
    const { json: photo } = await editor.rest(`/api/photos/${photoId}?depth=0`)
    expect((await fetch(`${server.baseUrl}${photo.url}`)).status).toBe(403)
    expect((await anonymous.rest(`/api/photos/${photoId}`)).status).toBe(404)
    const withPhoto = (await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title: '配图发布稿', leadPhoto: photoId } })).json.doc
    await publishOverApi(server.baseUrl, withPhoto.id)
    const file = await fetch(`${server.baseUrl}${photo.url}`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('image/webp')
  })

  it('cannot be uploaded, changed or deleted anonymously', async () => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }), 'x.png')
    form.append('_payload', JSON.stringify({ alt: '匿名上传' }))
    const upload = await fetch(`${server.baseUrl}/api/photos`, { method: 'POST', body: form })
    expect(upload.status).toBe(403)
    const { json } = await editor.rest('/api/photos?limit=1')
    expect((await anonymous.rest(`/api/photos/${json.docs[0].id}`, { method: 'PATCH', body: { alt: '篡改' } })).status).toBe(403)
    expect((await anonymous.rest(`/api/photos/${json.docs[0].id}`, { method: 'DELETE' })).status).toBe(403)
  })
})

describe('anonymous clients over GraphQL', () => {
  it('list only published articles, even with draft: true', async () => {
    const { data } = await anonymous.graphql('{ Articles(draft: true, limit: 100) { docs { title _status } } }')
    expect(data.Articles.docs.length).toBeGreaterThan(0)
    for (const doc of data.Articles.docs) expect(doc._status).toBe('published')
  })

  it.each([
    ['user accounts', '{ Users { docs { email } } }'],
    ['version history', '{ versionsArticles { docs { id } } }'],
    ['workflow history', '{ WorkflowEvents { docs { id note } } }'],
    ['internal comments', '{ EditorialComments { docs { body } } }'],
  ])('are refused %s', async (_what, query) => {
    const result = await anonymous.graphql(query)
    expect(result.errors?.length).toBeGreaterThan(0)
    expect(JSON.stringify(result.data ?? {})).not.toMatch(/@newsroom\.test|内部批注/)
  })

  it('cannot read the workflow state of a published article', async () => {
    const result = await anonymous.graphql(`{ Article(id: ${published.id}) { title workflowState owner { email } } }`)
    expect(result.data?.Article?.workflowState ?? null).toBeNull()
    expect(result.data?.Article?.owner ?? null).toBeNull()
  })
})

describe('a journalist trying to publish', () => {
  it('is refused when creating an article with _status published over REST', async () => {
    const { status, json } = await journalist.rest('/api/articles', { method: 'POST', body: { title: '偷发稿件', _status: 'published' } })
    expect(status).toBe(403)
    expect(json.errors[0].message).toContain('须先保存为草稿')
  })

  it('is refused when updating their own draft with _status published over REST', async () => {
    const { status, json } = await saveArticle(journalist, journalistDraft.id, { _status: 'published' }, { draft: false })
    expect(status).toBe(403)
    expect(json.errors[0].message).toContain('只有编辑（责任编辑）、部门主任、总编辑 / 值班总编、管理员可以发布稿件')
  })

  it('is refused over GraphQL, in a create and in an update', async () => {
    const created = await journalist.graphql('mutation { createArticle(data: { title: "GraphQL 偷发", _status: published }) { id } }')
    expect(created.errors?.[0]?.message).toContain('须先保存为草稿')
    const { updatedAt } = (await journalist.rest(`/api/articles/${journalistDraft.id}?draft=true&depth=0`)).json
    const updated = await journalist.graphql(`mutation { updateArticle(id: ${journalistDraft.id}, data: { _status: published, updatedAt: "${updatedAt}" }) { id } }`)
    expect(updated.errors?.[0]?.message).toContain('只有编辑（责任编辑）、部门主任、总编辑 / 值班总编、管理员可以发布稿件')
  })

  it('is refused when restoring a published version', async () => {
    const versions = await editor.rest(`/api/articles/versions?where[parent][equals]=${published.id}&where[version._status][equals]=published&limit=1`)
    const versionId = versions.json.docs[0].id
    const { status } = await journalist.rest(`/api/articles/versions/${versionId}`, { method: 'POST' })
    expect(status).toBe(403)
  })

  it('is refused by the workflow endpoint', async () => {
    const { status } = await journalist.rest(`/api/articles/${journalistDraft.id}/workflow`, { method: 'POST', body: { action: 'publish' } })
    expect([403, 409]).toContain(status)
    const own = await journalist.rest(`/api/articles/${journalistDraft.id}/workflow`)
    expect(own.json.actions.map((option: { action: string }) => option.action)).toEqual(['submit'])
  })

  it('cannot queue a scheduled-publish job', async () => {
    const { status } = await journalist.rest('/api/payload-jobs', {
      method: 'POST',
      body: { taskSlug: 'schedulePublish', input: { doc: { relationTo: 'articles', value: journalistDraft.id }, type: 'publish' } },
    })
    expect(status).toBeGreaterThanOrEqual(400)
    const article = await editor.rest(`/api/articles/${journalistDraft.id}?draft=true`)
    expect(article.json._status).toBe('draft')
  })
})

describe('the scheduler endpoint', () => {
  it('refuses everyone but the server’s own scheduler loop', async () => {
    for (const client of [anonymous, journalist, editor]) {
      expect((await client.rest('/api/articles/run-schedules', { method: 'POST' })).status).toBe(403)
    }
    const forged = await fetch(`${server.baseUrl}/api/articles/run-schedules`, { method: 'POST', headers: { 'x-newsroom-scheduler': 'guess' } })
    expect(forged.status).toBe(403)
  })
})

describe('two editors saving the same article', () => {
  it('refuses the save made on a stale copy and keeps the first one', async () => {
    const { json: copyA } = await editor.rest(`/api/articles/${editorDraft.id}?draft=true&depth=0`)
    const { json: copyB } = await admin.rest(`/api/articles/${editorDraft.id}?draft=true&depth=0`)
    const first = await editor.rest(`/api/articles/${editorDraft.id}?draft=true`, { method: 'PATCH', body: { summary: '编辑甲的导语', updatedAt: copyA.updatedAt } })
    expect(first.status).toBe(200)
    const second = await admin.rest(`/api/articles/${editorDraft.id}?draft=true`, { method: 'PATCH', body: { summary: '编辑乙在旧副本上的导语', updatedAt: copyB.updatedAt } })
    expect(second.status).toBe(409)
    expect(second.json.errors[0].message).toContain('保存被拒绝')
    const { json: stored } = await editor.rest(`/api/articles/${editorDraft.id}?draft=true&depth=0`)
    expect(stored.summary).toBe('编辑甲的导语')
  })
})

describe('reader pages', () => {
  it('answer 404 for a draft and 200 for a published article', async () => {
    expect((await fetch(`${server.baseUrl}/articles/${editorDraft.slug}`)).status).toBe(404)
    const page = await fetch(`${server.baseUrl}/articles/${published.slug}`)
    expect(page.status).toBe(200)
    expect(await page.text()).not.toContain('内部批注不得外泄')
  })
})
