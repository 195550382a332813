import type { Payload } from 'payload'

import { relationId } from '@/data/relationId'
import { DEMO_ACCOUNTS, ensureDemoAccounts } from '@/seed/demoAccounts'
import { useTestPayload } from '../../helpers/payload'

let payload: Payload

useTestPayload({}, (booted) => ({ payload } = booted))

const JOURNALIST = DEMO_ACCOUNTS.find((account) => account.role === 'journalist')!

async function demoJournalist() {
  const { docs } = await payload.find({ collection: 'users', where: { email: { equals: JOURNALIST.email } }, depth: 1 })
  return docs[0]
}

describe('the demo accounts', () => {
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
