import { GRAPHQL_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'

import type { User } from '@payload-types'
import { relationId } from '@/data/relationId'
import { type InProcessClient, inProcessClient, signedInClient } from '../../../helpers/inProcessApi'
import { type Staff, STAFF_PASSWORD } from '../../../helpers/newsroomUsers'
import { useTestPayload } from '../../../helpers/payload'

let payload: Payload
let staff: Staff
let as: Record<'admin' | 'editor' | 'journalist', InProcessClient>
let colleagueBylineId: number | string
let colleagueDraftId: number | string

useTestPayload({ staff: true }, async (booted) => {
  payload = booted.payload
  staff = booted.staff
  const sign = (user: User) => signedInClient(payload, user.email, STAFF_PASSWORD)
  as = { admin: await sign(staff.admin), editor: await sign(staff.editor), journalist: await sign(staff.journalist) }
  const colleagueByline = await payload.create({ collection: 'bylines', data: { name: '同事署名', kind: 'staff' } as never })
  colleagueBylineId = colleagueByline.id
  await payload.update({ collection: 'users', id: staff.otherJournalist.id, data: { byline: colleagueBylineId } })
  const draft = await payload.create({
    collection: 'articles',
    draft: true,
    data: { title: '同事署名的未发稿件', bylines: [{ byline: colleagueBylineId, role: 'byline' }] } as never,
    user: { ...staff.otherJournalist, collection: 'users' },
    overrideAccess: true,
  })
  colleagueDraftId = draft.id
})

type GraphQLReply = { data?: Record<string, any> | null; errors?: { message: string }[] }

/** The GraphQL route exactly as app/(payload)/api/graphql serves it. */
async function graphql(client: InProcessClient, query: string): Promise<GraphQLReply> {
  const request = new Request('http://localhost:3000/api/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${client.token}` },
    body: JSON.stringify({ query }),
  })
  return (await (await GRAPHQL_POST(Promise.resolve(payload.config))(request)).json()) as GraphQLReply
}

const stored = (id: number | string) => payload.findByID({ collection: 'users', id, depth: 0, overrideAccess: true })
const storedByline = async (id: number | string) => relationId((await stored(id)).byline)
const gqlId = (id: number | string) => (typeof id === 'number' ? String(id) : JSON.stringify(id))

describe('linking accounts to bylines', () => {
  it('refuses a journalist who sets their own byline over REST, naming the field, and the colleague’s drafts stay out of reach', async () => {
    const before = await storedByline(staff.journalist.id)
    const reply = await as.journalist.rest(`/api/users/${staff.journalist.id}`, { method: 'PATCH', body: { byline: colleagueBylineId } })
    expect(reply.status).toBe(403)
    expect(reply.json.errors[0].message).toMatch(/不能修改「对应署名」（byline）：账号与署名的关联只有编辑（责任编辑）、部门主任、总编辑 \/ 值班总编、管理员可以设定/)
    expect(await storedByline(staff.journalist.id)).toBe(before)

    const drafts = await as.journalist.rest(`/api/articles?draft=true&depth=0&where[id][equals]=${colleagueDraftId}`)
    expect(drafts.json.totalDocs).toBe(0)
  })

  it('refuses a journalist who sets their own byline over GraphQL, naming the field', async () => {
    const before = await storedByline(staff.journalist.id)
    const reply = await graphql(as.journalist, `mutation { updateUser(id: ${gqlId(staff.journalist.id)}, data: { byline: ${gqlId(colleagueBylineId)} }) { id } }`)
    expect(reply.data?.updateUser ?? null).toBeNull()
    expect(reply.errors?.[0]?.message).toMatch(/（byline）/)
    expect(await storedByline(staff.journalist.id)).toBe(before)
  })

  it('saves a journalist’s own account page as the admin sends it: the whole form, byline and roles unchanged', async () => {
    const own = await stored(staff.journalist.id)
    const form = { name: '记者（改名）', email: own.email, roles: own.roles, byline: relationId(own.byline) }
    const reply = await as.journalist.rest(`/api/users/${staff.journalist.id}`, { method: 'PATCH', body: form })
    expect(reply.status).toBe(200)
    expect((await stored(staff.journalist.id)).name).toBe('记者（改名）')
  })

  it('lets an editor link an account to a byline, over REST and GraphQL', async () => {
    const byline = await payload.create({ collection: 'bylines', data: { name: '新署名', kind: 'staff' } as never })
    const rest = await as.editor.rest(`/api/users/${staff.otherJournalist.id}`, { method: 'PATCH', body: { byline: byline.id } })
    expect(rest.status).toBe(200)
    expect(await storedByline(staff.otherJournalist.id)).toBe(byline.id)

    const reply = await graphql(as.editor, `mutation { updateUser(id: ${gqlId(staff.otherJournalist.id)}, data: { byline: ${gqlId(colleagueBylineId)} }) { id } }`)
    expect(reply.errors).toBeUndefined()
    expect(await storedByline(staff.otherJournalist.id)).toBe(colleagueBylineId)
  })

  it.each([
    ['name', { name: '被编辑改的名字' }, /（name）/],
    ['email', { email: 'taken-over@test.local' }, /（email）/],
    ['password', { password: 'editor-chosen-passphrase' }, /（password）/],
  ])('refuses an editor changing another account’s %s, naming the field', async (_field, change, named) => {
    const before = await stored(staff.admin.id)
    const reply = await as.editor.rest(`/api/users/${staff.admin.id}`, { method: 'PATCH', body: change })
    expect(reply.status).toBe(403)
    expect(reply.json.errors[0].message).toMatch(named)
    const after = await stored(staff.admin.id)
    expect([after.name, after.email]).toEqual([before.name, before.email])
    expect((await inProcessClient(payload).rest('/api/users/login', { method: 'POST', body: { email: before.email, password: STAFF_PASSWORD } })).status).toBe(200)
  })

  it('refuses an editor changing another account’s e-mail over GraphQL', async () => {
    const reply = await graphql(as.editor, `mutation { updateUser(id: ${gqlId(staff.admin.id)}, data: { email: "taken-over@test.local" }) { id } }`)
    expect(reply.errors?.[0]?.message).toMatch(/（email）/)
    expect((await stored(staff.admin.id)).email).toBe(staff.admin.email)
  })

  it('lets an administrator change another account’s name and byline', async () => {
    const reply = await as.admin.rest(`/api/users/${staff.editor.id}`, { method: 'PATCH', body: { name: '编辑（管理员改）', byline: colleagueBylineId } })
    expect(reply.status).toBe(200)
    const after = await stored(staff.editor.id)
    expect([after.name, relationId(after.byline)]).toEqual(['编辑（管理员改）', colleagueBylineId])
  })
})

const PRIVATE_FIELDS = ['email', 'roles', 'byline'] as const

describe('who reads what of an account', () => {
  it('shows a journalist only colleagues’ names over REST, in the list and by id, and their own account in full', async () => {
    const list = await as.journalist.rest('/api/users?limit=100&depth=0')
    expect(list.status).toBe(200)
    const colleagues = list.json.docs.filter((doc: User) => doc.id !== staff.journalist.id)
    expect(colleagues.length).toBeGreaterThanOrEqual(3)
    for (const colleague of colleagues) {
      expect(colleague.name).toEqual(expect.any(String))
      for (const field of PRIVATE_FIELDS) expect(colleague).not.toHaveProperty(field)
    }
    const own = list.json.docs.find((doc: User) => doc.id === staff.journalist.id)
    expect(own).toMatchObject({ email: staff.journalist.email, roles: ['journalist'], byline: relationId(staff.journalist.byline) })

    const byId = await as.journalist.rest(`/api/users/${staff.otherJournalist.id}?depth=0`)
    expect(byId.json.name).toBe(staff.otherJournalist.name)
    for (const field of PRIVATE_FIELDS) expect(byId.json).not.toHaveProperty(field)
  })

  it('hides colleagues’ e-mail addresses and roles from a journalist over GraphQL', async () => {
    const reply = await graphql(as.journalist, '{ Users(limit: 100) { docs { id name email roles byline { id } } } }')
    expect(reply.errors).toBeUndefined()
    const docs = reply.data?.Users.docs as { id: number | string; name: string; email: string | null; roles: string[] | null; byline: unknown }[]
    const colleagues = docs.filter((doc) => String(doc.id) !== String(staff.journalist.id))
    expect(colleagues.map(({ email, roles, byline }) => ({ email, roles, byline }))).toEqual(colleagues.map(() => ({ email: null, roles: null, byline: null })))
    expect(colleagues.every((doc) => doc.name.length > 0)).toBe(true)
    expect(docs.find((doc) => String(doc.id) === String(staff.journalist.id))).toMatchObject({ email: staff.journalist.email, roles: ['journalist'] })

    const one = await graphql(as.journalist, `{ User(id: ${gqlId(staff.admin.id)}) { name email roles } }`)
    expect(one.data?.User).toEqual({ name: staff.admin.name, email: null, roles: null })
  })

  it('does not let a journalist find a colleague by e-mail address or role', async () => {
    for (const where of [`where[email][equals]=${staff.admin.email}`, 'where[roles][in]=admin']) {
      const reply = await as.journalist.rest(`/api/users?depth=0&${where}`)
      expect([where, reply.status]).toEqual([where, 400])
      expect(reply.json.docs).toBeUndefined()
    }
  })

  it('hides a colleague’s e-mail address and role where another document links to their account', async () => {
    await payload.update({ collection: 'bylines', id: colleagueBylineId, data: { user: staff.otherJournalist.id } as never })
    const reply = await as.journalist.rest(`/api/bylines/${colleagueBylineId}?depth=1`)
    expect(reply.json.user.name).toBe(staff.otherJournalist.name)
    for (const field of PRIVATE_FIELDS) expect(reply.json.user).not.toHaveProperty(field)
    const editorView = await as.editor.rest(`/api/bylines/${colleagueBylineId}?depth=1`)
    expect(editorView.json.user).toMatchObject({ email: staff.otherJournalist.email, roles: ['journalist'] })
  })

  it.each(['editor', 'admin'] as const)('shows an %s every account in full, over REST and GraphQL', async (role) => {
    const list = await as[role].rest('/api/users?limit=100&depth=0')
    const admin = list.json.docs.find((doc: User) => doc.id === staff.admin.id)
    expect(admin).toMatchObject({ email: staff.admin.email, roles: ['admin'] })
    const reply = await graphql(as[role], '{ Users(limit: 100) { docs { id email roles } } }')
    const emails = (reply.data?.Users.docs as { email: string | null }[]).map((doc) => doc.email)
    expect(emails).toEqual(expect.arrayContaining([staff.admin.email, staff.editor.email, staff.journalist.email, staff.otherJournalist.email]))
  })
})
