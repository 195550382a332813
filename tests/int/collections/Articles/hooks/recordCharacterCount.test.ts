import type { Payload } from 'payload'

import type { Article } from '@payload-types'
import { backfillCharacterCounts } from '@/database/characterCountBackfill'
import { paragraphNode, rootNode } from '@/seed/lexical'
import { type InProcessClient, signedInClient } from '../../../../helpers/inProcessApi'
import { STAFF_PASSWORD } from '../../../../helpers/newsroomUsers'
import { useTestPayload } from '../../../../helpers/payload'

let payload: Payload
let journalist: InProcessClient

useTestPayload({ staff: true }, async (booted) => {
  payload = booted.payload
  journalist = await signedInClient(payload, booted.staff.journalist.email, STAFF_PASSWORD)
})

const body = (...paragraphs: string[]) => rootNode(paragraphs.map(paragraphNode))
const latestVersionOf = async (id: Article['id']) =>
  (await payload.findVersions({ collection: 'articles', where: { and: [{ parent: { equals: id } }, { latest: { equals: true } }] }, depth: 0 })).docs[0]

describe('字数 on save', () => {
  it('counts the body of a new draft by the newsroom rule, whatever the client sends', async () => {
    const reply = await journalist.rest('/api/articles?draft=true', {
      method: 'POST',
      body: { title: '字数测试', characterCount: 99_999, body: body('2021年，全市GDP增长5%。', '张 毅') },
    })
    expect(reply.status).toBe(201)
    // 2021 年 ， 全 市 GDP 增 长 5% 。 = 10, 张 毅 = 2
    const stored = await payload.findByID({ collection: 'articles', id: reply.json.doc.id, draft: true, depth: 0 })
    expect(stored.characterCount).toBe(12)
  })

  it('recounts on every draft save, in the version the editor and the list read', async () => {
    const draft = await payload.create({ collection: 'articles', draft: true, data: { title: '草稿字数', body: body('一二三') } as never })
    await payload.update({ collection: 'articles', id: draft.id, draft: true, data: { body: body('一二三四五六') } as never })
    expect((await latestVersionOf(draft.id)).version.characterCount).toBe(6)
    // A save that does not touch the body keeps its count.
    await payload.update({ collection: 'articles', id: draft.id, draft: true, data: { kicker: '引题' } as never })
    expect((await latestVersionOf(draft.id)).version.characterCount).toBe(6)
  })

  it('does not show the count to readers', async () => {
    const draft = await payload.create({ collection: 'articles', draft: true, data: { title: '公开字数', body: body('一二三') } as never })
    await payload.update({ collection: 'articles', id: draft.id, data: { _status: 'published', workflowState: 'published' } as never, context: { seeding: true } })
    const anonymous = await payload.findByID({ collection: 'articles', id: draft.id, depth: 0, overrideAccess: false })
    expect(anonymous.characterCount).toBeUndefined()
  })
})

describe('articles saved before 字数 existed', () => {
  it('get their count at boot, on the public copy and on the latest version', async () => {
    const draft = await payload.create({ collection: 'articles', draft: true, data: { title: '补算字数', body: body('湖南日报', 'GDP') } as never })
    await payload.update({ collection: 'articles', id: draft.id, data: { _status: 'published', workflowState: 'published' } as never, context: { seeding: true } })
    // As an upgraded database holds them: no count on the row or on its versions.
    await payload.db.updateOne({ collection: 'articles', id: draft.id, data: { characterCount: null }, returning: false })
    const latest = await latestVersionOf(draft.id)
    const { id: versionId, version, ...meta } = latest
    await payload.db.updateVersion({ collection: 'articles', id: versionId, versionData: { ...meta, version: { ...version, characterCount: null } }, returning: false })
    expect((await latestVersionOf(draft.id)).version.characterCount ?? null).toBeNull()

    await backfillCharacterCounts(payload)

    expect((await payload.findByID({ collection: 'articles', id: draft.id, depth: 0 })).characterCount).toBe(5)
    const after = await latestVersionOf(draft.id)
    expect(after.version.characterCount).toBe(5)
    expect(after.version.title).toBe('补算字数')
    expect(after.updatedAt).toBe(latest.updatedAt)
    const uncounted = await payload.count({ collection: 'articles', where: { characterCount: { exists: false } } })
    expect(uncounted.totalDocs).toBe(0)
  })
})
