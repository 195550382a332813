import type { Payload } from 'payload'

import { relationId } from '@/data/relationId'
import { DEMO_ACCOUNTS, ensureDemoAccounts } from '@/seed/demoAccounts'
import { useTestPayload } from '../../helpers/payload'

let payload: Payload

useTestPayload({}, (booted) => ({ payload } = booted))

const JOURNALIST = DEMO_ACCOUNTS.find((account) => account.roles.includes('journalist'))!

async function demoJournalist() {
  const { docs } = await payload.find({ collection: 'users', where: { email: { equals: JOURNALIST.email } }, depth: 1 })
  return docs[0]
}

describe('the demo accounts', () => {
  it('give each role of the 三审 chain a login, and make the desk head head every desk', async () => {
    const desks = await Promise.all(['时政部', '经济部'].map((name) => payload.create({ collection: 'desks', data: { name } })))
    await ensureDemoAccounts(payload, 'demo-password-1234')
    const byEmail = async (email: string) => (await payload.find({ collection: 'users', where: { email: { equals: email } }, depth: 0 })).docs[0]
    const expected = { 'desk@newsroom.test': ['deskHead'], 'chief@newsroom.test': ['chiefEditor'], 'proof@newsroom.test': ['proofreader'], 'editor@newsroom.test': ['editor'] }
    for (const [email, roles] of Object.entries(expected)) {
      expect([email, (await byEmail(email)).roles]).toEqual([email, roles])
      const { token } = await payload.login({ collection: 'users', data: { email, password: 'demo-password-1234' } })
      expect(token).toEqual(expect.any(String))
    }
    expect((await byEmail('desk@newsroom.test')).desks?.map(relationId).sort()).toEqual(desks.map((desk) => desk.id).sort())
    expect((await byEmail('chief@newsroom.test')).desks ?? []).toEqual([])
  })

  it('link the demo journalist to a confirmed staff byline of its own name, once', async () => {
    await ensureDemoAccounts(payload, 'demo-password-1234')
    await ensureDemoAccounts(payload, 'demo-password-1234')
    const journalist = await demoJournalist()
    expect(journalist.byline).toMatchObject({ name: JOURNALIST.name, kind: 'staff', status: 'confirmed' })
    const { totalDocs } = await payload.count({ collection: 'bylines', where: { name: { equals: JOURNALIST.name } } })
    expect(totalDocs).toBe(1)
  })

  it('link a demo journalist made before bylines were linked', async () => {
    const journalist = await demoJournalist()
    expect(relationId(journalist.byline)).not.toBeNull()
    await payload.update({ collection: 'users', id: journalist.id, data: { byline: null } })
    await ensureDemoAccounts(payload, 'demo-password-1234')
    expect(relationId((await demoJournalist()).byline)).toBe(relationId(journalist.byline))
  })
})
