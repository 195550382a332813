import type { Payload } from 'payload'

import type { Byline, User } from '@payload-types'
import { relationId } from '@/data/relationId'
import { findBySlug, findSitemapSource } from '@/reader/data/queries'
import { resolveSearchFilters } from '@/search/params'
import { type InProcessClient, inProcessClient, refusedPaths, signedInClient } from '../../helpers/inProcessApi'
import { inProcessGraphql } from '../../helpers/inProcessGraphql'
import { type Staff, STAFF_PASSWORD } from '../../helpers/newsroomUsers'
import { useTestPayload } from '../../helpers/payload'

let payload: Payload
let staff: Staff
let journalistApi: InProcessClient
let confirmed: Byline

const as = (user: User) => ({ user: { ...user, collection: 'users' as const }, overrideAccess: false })
const anonymous = { overrideAccess: false }

useTestPayload({ staff: true }, async (booted) => {
  ;({ payload, staff } = booted)
  journalistApi = await signedInClient(payload, staff.journalist.email, STAFF_PASSWORD)
  confirmed = await payload.create({ collection: 'bylines', data: { name: '罗徽', kind: 'correspondent', organisation: '郴州市委宣传部' }, ...as(staff.editor) })
})

/** A correspondent a journalist names from the article's byline picker. */
async function propose(name: string, by: User = staff.journalist, extra: Partial<Byline> = {}): Promise<Byline> {
  return payload.create({ collection: 'bylines', data: { name, kind: 'correspondent', organisation: '新化县融媒体中心', ...extra }, ...as(by) })
}

describe('a journalist proposing a byline', () => {
  it('saves it as pending in the journalist’s name, whatever status and proposer the client sends', async () => {
    const { status, json } = await journalistApi.rest('/api/bylines', {
      method: 'POST',
      body: { name: '袁 芳', kind: 'correspondent', organisation: '新化县融媒体中心', status: 'confirmed', proposedBy: staff.editor.id },
    })
    expect(status).toBe(201)
    expect(json.doc).toMatchObject({ name: '袁芳', status: 'pending' })
    expect(relationId(json.doc.proposedBy)).toBe(staff.journalist.id)
  })

  it('lets the journalist correct their own proposal but never confirm it', async () => {
    const proposal = await propose('曾小军')
    const corrected = await payload.update({ collection: 'bylines', id: proposal.id, data: { name: '曾晓军', status: 'confirmed' }, ...as(staff.journalist) })
    expect(corrected).toMatchObject({ name: '曾晓军', status: 'pending' })
    expect(relationId(corrected.proposedBy)).toBe(staff.journalist.id)
  })

  it('does not let a journalist change a colleague’s proposal or a confirmed byline', async () => {
    const colleagues = await propose('唐志强', staff.otherJournalist)
    await expect(payload.update({ collection: 'bylines', id: colleagues.id, data: { name: '唐志刚' }, ...as(staff.journalist) })).rejects.toThrow()
    await expect(payload.update({ collection: 'bylines', id: confirmed.id, data: { name: '罗辉' }, ...as(staff.journalist) })).rejects.toThrow()
    await expect(payload.delete({ collection: 'bylines', id: colleagues.id, ...as(staff.journalist) })).rejects.toThrow()
    expect((await payload.findByID({ collection: 'bylines', id: confirmed.id })).name).toBe('罗徽')
  })

  it('refuses a proposal that repeats an existing name and organisation, pointing to the existing byline', async () => {
    const { status, json } = await journalistApi.rest('/api/bylines', { method: 'POST', body: { name: '罗 徽', kind: 'correspondent', organisation: '郴州市委宣传部' } })
    expect(status).toBe(400)
    expect(refusedPaths(json)).toEqual(['name'])
    expect(JSON.stringify(json)).toContain(`署名“罗徽（郴州市委宣传部）”已存在（编号 ${confirmed.id}）`)
    const pending = await propose('谭婷婷')
    const refusal = await propose('谭婷婷', staff.otherJournalist).catch((error: { data?: { errors?: { path: string; message: string }[] } }) => error)
    expect((refusal as { data?: unknown }).data).toEqual({
      collection: 'bylines',
      errors: [{ path: 'name', message: `署名“谭婷婷（新化县融媒体中心）”已存在（编号 ${pending.id}，已有人提出，正等编辑确认）：请在稿件的署名里直接选择它，不要重复新建` }],
    })
  })

  it('accepts the same name from another organisation, and an editor’s namesake', async () => {
    await expect(propose('罗徽', staff.journalist, { organisation: '桂阳县委宣传部' })).resolves.toMatchObject({ status: 'pending' })
    await expect(propose('罗徽', staff.editor, { organisation: '郴州市委宣传部' })).resolves.toMatchObject({ status: 'confirmed' })
  })
})

describe('an editor reviewing a proposal', () => {
  it('confirms it, correcting its name, kind and organisation', async () => {
    const proposal = await propose('何 伟', staff.journalist, { kind: 'unspecified' })
    const done = await payload.update({ collection: 'bylines', id: proposal.id, data: { status: 'confirmed', name: '何炜', kind: 'photographer', organisation: null }, ...as(staff.editor) })
    expect(done).toMatchObject({ status: 'confirmed', name: '何炜', kind: 'photographer', organisation: null })
    // Whose proposal it was stays on record.
    expect(relationId(done.proposedBy)).toBe(staff.journalist.id)
  })

  it('cannot send a confirmed byline back to pending', async () => {
    await expect(payload.update({ collection: 'bylines', id: confirmed.id, data: { status: 'pending' }, ...as(staff.editor) })).rejects.toThrow('已确认的署名不能改回“待确认”')
  })
})

describe('pending bylines, seen from outside the newsroom', () => {
  let hidden: Byline
  beforeAll(async () => {
    hidden = await propose('欧阳未定')
  })

  it('are missing from the Local API as readers use it, by list, id and slug', async () => {
    const { docs } = await payload.find({ collection: 'bylines', limit: 0, pagination: false, ...anonymous })
    expect(docs.map((doc) => doc.name)).toContain('罗徽')
    expect(docs.map((doc) => doc.name)).not.toContain('欧阳未定')
    await expect(payload.findByID({ collection: 'bylines', id: hidden.id, ...anonymous })).rejects.toThrow()
    expect(await findBySlug(payload, 'bylines', hidden.slug!)).toBeNull()
    expect((await findSitemapSource(payload)).bylines.map((byline) => byline.slug)).not.toContain(hidden.slug)
    expect(await resolveSearchFilters(payload, { refs: { byline: hidden.slug! } })).toEqual({ unknown: 'byline' })
  })

  it('are missing from REST and GraphQL for anonymous callers', async () => {
    const rest = inProcessClient(payload)
    expect((await rest.rest(`/api/bylines/${hidden.id}`)).status).toBe(404)
    const list = await rest.rest(`/api/bylines?limit=10&where[name][equals]=${encodeURIComponent('欧阳未定')}`)
    expect(list.json.docs).toEqual([])
    const graphql = inProcessGraphql()
    const byId = await graphql('query ($id: Int!) { Byline(id: $id) { name } }', { id: hidden.id })
    expect(JSON.stringify(byId)).not.toContain('欧阳未定')
    const all = await graphql('{ Bylines(limit: 100) { docs { name status } } }')
    expect(all.data.Bylines.docs.map((doc: { name: string }) => doc.name)).toContain('罗徽')
    expect(JSON.stringify(all)).not.toContain('欧阳未定')
  })

  it('are visible to staff, so a journalist finds a colleague’s proposal instead of making another', async () => {
    const { docs } = await payload.find({ collection: 'bylines', where: { status: { equals: 'pending' } }, limit: 0, pagination: false, ...as(staff.otherJournalist) })
    expect(docs.map((doc) => doc.name)).toContain('欧阳未定')
  })

  it('treat a byline without a status, as older MongoDB rows have, as confirmed', async () => {
    const legacy = await payload.create({ collection: 'bylines', data: { name: '旧档案作者', kind: 'unspecified' } })
    await payload.db.updateOne({ collection: 'bylines', id: legacy.id, data: { status: null }, returning: false })
    await expect(payload.findByID({ collection: 'bylines', id: legacy.id, ...anonymous })).resolves.toMatchObject({ name: '旧档案作者' })
  })
})
