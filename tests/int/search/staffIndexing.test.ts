import type { Payload } from 'payload'

import type { User } from '@payload-types'
import { searchArticles } from '@/search/query'
import { flushStaffEntries, STAFF_INDEX_DELAY_MS, syncStaleEntries } from '@/search/staffIndexing'
import { searchStoreFor } from '@/search/store'
import { type InProcessClient, signedInClient } from '../../helpers/inProcessApi'
import { STAFF_PASSWORD } from '../../helpers/newsroomUsers'
import { useTestPayload } from '../../helpers/payload'

let payload: Payload
let editorUser: User
let editor: InProcessClient

useTestPayload({ staff: true }, async (booted) => {
  payload = booted.payload
  editorUser = booted.staff.editor
  editor = await signedInClient(payload, editorUser.email, STAFF_PASSWORD)
})

const staffFinds = async (query: string) =>
  (await searchArticles(payload, query, { drafts: { user: { ...editorUser, collection: 'users' } as never } })).docs.map((doc) => doc.title)

async function autosave(id: number, title: string, updatedAt: string): Promise<string> {
  const reply = await editor.rest(`/api/articles/${id}?autosave=true&draft=true&depth=0`, { method: 'PATCH', body: { title, _status: 'draft', updatedAt } })
  expect(reply.status).toBe(200)
  return reply.json.doc.updatedAt
}

async function draftThroughTheApi(title: string): Promise<{ id: number; updatedAt: string }> {
  const created = await editor.rest('/api/articles?draft=true&depth=0', { method: 'POST', body: { title } })
  expect(created.status).toBe(201)
  return created.json.doc
}

describe("an editor's draft saves and autosaves through the API", () => {
  it('leave the staff search entry as it was until the deferred re-index runs', async () => {
    const draft = await draftThroughTheApi('湘江晨报检索稿')
    await flushStaffEntries(payload)
    expect(await staffFinds('湘江晨报检索稿')).toEqual(['湘江晨报检索稿'])
    let updatedAt = draft.updatedAt
    for (const title of ['湘江晚报检索稿', '洞庭湖畔检索稿']) updatedAt = await autosave(draft.id, title, updatedAt)
    expect([await staffFinds('洞庭湖畔检索稿'), await staffFinds('湘江晨报检索稿')]).toEqual([[], ['湘江晨报检索稿']])
    await flushStaffEntries(payload)
    expect([await staffFinds('洞庭湖畔检索稿'), await staffFinds('湘江晨报检索稿')]).toEqual([['洞庭湖畔检索稿'], []])
  })

  it(`are found by staff search on their own within ${STAFF_INDEX_DELAY_MS / 1000} s`, async () => {
    const draft = await draftThroughTheApi('岳麓山下检索稿')
    await autosave(draft.id, '橘子洲头检索稿', draft.updatedAt)
    const started = Date.now()
    while (Date.now() - started < STAFF_INDEX_DELAY_MS * 2 && (await staffFinds('橘子洲头检索稿')).length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    expect(await staffFinds('橘子洲头检索稿')).toEqual(['橘子洲头检索稿'])
  })

  it('are marked stale in the index inside the save, so a server stopped before the re-index catches up at its next boot', async () => {
    const draft = await draftThroughTheApi('浏阳河畔检索稿')
    await flushStaffEntries(payload)
    await autosave(draft.id, '花明楼前检索稿', draft.updatedAt)
    const store = await searchStoreFor(payload)
    expect(await store.staleArticles()).toContain(draft.id)
    // What the boot does (src/seed/boot.ts), before the scheduled re-index has run.
    expect(await syncStaleEntries(payload)).toBeGreaterThanOrEqual(1)
    expect([await staffFinds('花明楼前检索稿'), await store.staleArticles()]).toEqual([['花明楼前检索稿'], []])
  })
})

describe('a draft saved through the Local API (scripts, the importer, the scheduler)', () => {
  it('is in the staff search entry when the save returns, as a script may exit right after it', async () => {
    await payload.create({ collection: 'articles', data: { title: '韶山冲口检索稿' } as never, draft: true, user: { ...editorUser, collection: 'users' } })
    expect(await staffFinds('韶山冲口检索稿')).toEqual(['韶山冲口检索稿'])
  })
})
