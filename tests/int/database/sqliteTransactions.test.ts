import { commitTransaction, createLocalReq, initTransaction, killTransaction, type PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-sqlite'

import { searchArticles } from '@/search/query'
import { useTestPayload } from '../../helpers/payload'
import { STAFF_PASSWORD } from '../../helpers/newsroomUsers'

const booted = useTestPayload({ staff: true })
const payload = () => booted.payload

const asEditor = () => ({ ...booted.staff.editor, collection: 'users' as const })
const staffSearch = async (query: string) => (await searchArticles(payload(), query, { drafts: { user: asEditor() as never } })).docs.map((doc) => doc.title)

async function draftArticle(title: string) {
  return payload().create({ collection: 'articles', draft: true, data: { title } as never, user: asEditor(), overrideAccess: true })
}

async function openTransaction(): Promise<PayloadRequest> {
  const req = await createLocalReq({}, payload())
  expect(await initTransaction(req)).toBe(true)
  return req
}

const titleOf = async (id: number | string, req?: PayloadRequest) => (await payload().findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: true, req })).title
const versionCount = async (id: number | string) => (await payload().countVersions({ collection: 'articles', where: { parent: { equals: id } }, overrideAccess: true })).totalDocs

describe('SQLite transactions', () => {
  it('undoes a save whose transaction is rolled back: the article, its versions and its search entry stay as they were', async () => {
    const article = await draftArticle('回滚前的标题 ledgerstable')
    const versionsBefore = await versionCount(article.id)
    const req = await openTransaction()
    await payload().update({ collection: 'articles', id: article.id, draft: true, data: { title: '不该留下的标题 ledgerghost' } as never, req, overrideAccess: true })
    expect(await titleOf(article.id, req)).toBe('不该留下的标题 ledgerghost')
    await killTransaction(req)

    expect(await titleOf(article.id)).toBe('回滚前的标题 ledgerstable')
    expect(await versionCount(article.id)).toBe(versionsBefore)
    expect(await staffSearch('ledgerghost')).toEqual([])
    expect(await staffSearch('ledgerstable')).toEqual(['回滚前的标题 ledgerstable'])
  })

  it('shows other readers the last committed state while a transaction is open, and the new state once it commits', async () => {
    const article = await draftArticle('提交前 committedview')
    const req = await openTransaction()
    await payload().update({ collection: 'articles', id: article.id, draft: true, data: { title: '提交后 committedview' } as never, req, overrideAccess: true })
    expect(await titleOf(article.id)).toBe('提交前 committedview')
    await commitTransaction(req)
    expect(await titleOf(article.id)).toBe('提交后 committedview')
  })

  it('queues a write made outside any transaction (a failed login) behind the open transaction instead of failing it', async () => {
    const { editor } = booted.staff
    const attemptsBefore = (await payload().findByID({ collection: 'users', id: editor.id, overrideAccess: true, showHiddenFields: true })).loginAttempts ?? 0
    const queued = await draftArticle('排队中的稿件')
    const req = await openTransaction()
    await payload().update({ collection: 'articles', id: queued.id, draft: true, data: { title: '排队中的稿件（改）' } as never, req, overrideAccess: true })
    let loginSettled = false
    const failedLogin = payload()
      .login({ collection: 'users', data: { email: editor.email, password: 'not-the-password-at-all' } })
      .catch((error: Error) => error)
      .finally(() => (loginSettled = true))
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(loginSettled).toBe(false)
    await commitTransaction(req)
    expect(await failedLogin).toBeInstanceOf(Error)
    const attemptsAfter = (await payload().findByID({ collection: 'users', id: editor.id, overrideAccess: true, showHiddenFields: true })).loginAttempts
    expect(attemptsAfter).toBe(attemptsBefore + 1)
    await payload().login({ collection: 'users', data: { email: editor.email, password: STAFF_PASSWORD } })
  })

  it('runs many concurrent saves and logins to completion, each article ending with one of its own saves and a matching latest version', async () => {
    const articles = await Promise.all(Array.from({ length: 4 }, (_, index) => draftArticle(`并发稿件 ${index}`)))
    const saves = articles.flatMap((article, index) =>
      Array.from({ length: 8 }, (_, round) => payload().update({ collection: 'articles', id: article.id, draft: true, data: { title: `并发稿件 ${index} 第${round}次` } as never, overrideAccess: true })),
    )
    const logins = Array.from({ length: 4 }, () => payload().login({ collection: 'users', data: { email: booted.staff.journalist.email, password: STAFF_PASSWORD } }))
    const outcomes = await Promise.allSettled([...saves, ...logins])
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([])

    for (const [index, article] of articles.entries()) {
      const title = await titleOf(article.id)
      expect(title).toMatch(new RegExp(`^并发稿件 ${index} 第[0-7]次$`))
      const { docs } = await payload().findVersions({ collection: 'articles', where: { parent: { equals: article.id } }, sort: '-updatedAt', limit: 1, overrideAccess: true })
      expect(docs[0].version.title).toBe(title)
    }
  })

  it('reports a transaction whose COMMIT fails instead of answering as if the save were stored', async () => {
    const article = await draftArticle('提交失败的稿件')
    const req = await openTransaction()
    const db = (payload().db as unknown as { sessions: Record<string, { db: { run: (query: ReturnType<typeof sql>) => Promise<unknown> } }> }).sessions[String(await req.transactionID)].db
    // A foreign key checked only at COMMIT makes SQLite refuse the COMMIT itself.
    await db.run(sql`PRAGMA defer_foreign_keys = ON`)
    await db.run(sql`INSERT INTO articles_rels ("order", parent_id, path, tags_id) VALUES (1, ${article.id}, 'tags', 987654321)`)
    await payload().update({ collection: 'articles', id: article.id, draft: true, data: { title: '不会保存的标题' } as never, req, overrideAccess: true })

    await expect(commitTransaction(req)).rejects.toThrow('保存没有写入数据库')
    expect(await titleOf(article.id)).toBe('提交失败的稿件')
    // The lock was released: the next save goes through.
    await payload().update({ collection: 'articles', id: article.id, draft: true, data: { title: '之后的保存' } as never, overrideAccess: true })
    expect(await titleOf(article.id)).toBe('之后的保存')
  })
})

