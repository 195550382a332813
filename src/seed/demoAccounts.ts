import type { Payload } from 'payload'

import type { Role } from '@/access/roles'
import type { Env } from '@/config/environment'
import { SEED_CONTEXT } from './seedNewsroom'

export const DEFAULT_DEMO_PASSWORD = 'newsroom-demo'

/**
 * One account per role of the 三审 chain. `writes`: the account writes under a byline of its
 * own name, so its new articles credit it. `everyDesk`: it belongs to (a 部门主任: heads) every
 * desk there is when it is created.
 */
export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; name: string; roles: Role[]; writes?: boolean; everyDesk?: boolean }> = [
  { email: 'admin@newsroom.test', name: '演示管理员', roles: ['admin'] },
  { email: 'editor@newsroom.test', name: '演示编辑', roles: ['editor'], everyDesk: true },
  { email: 'journalist@newsroom.test', name: '演示记者', roles: ['journalist'], writes: true, everyDesk: true },
  { email: 'desk@newsroom.test', name: '演示部门主任', roles: ['deskHead'], everyDesk: true },
  { email: 'chief@newsroom.test', name: '演示总编辑', roles: ['chiefEditor'] },
  { email: 'proof@newsroom.test', name: '演示校对', roles: ['proofreader'] },
]

export function demoPassword(env: Env = process.env): string {
  return env.DEMO_PASSWORD?.trim() || DEFAULT_DEMO_PASSWORD
}

/** Only the demo start calls this: a real deployment never gets accounts with known passwords. */
export async function ensureDemoAccounts(payload: Payload, password: string): Promise<string[]> {
  const created: string[] = []
  const { docs: desks } = await payload.find({ collection: 'desks', depth: 0, limit: 0, pagination: false, select: {} })
  for (const { writes, everyDesk, ...account } of DEMO_ACCOUNTS) {
    const existing = await payload.find({ collection: 'users', where: { email: { equals: account.email } }, limit: 1, depth: 0 })
    const user = existing.docs[0]
    // An account made before demo accounts had bylines gets its link now.
    if (user) {
      if (writes && user.byline == null) await payload.update({ collection: 'users', id: user.id, data: { byline: await ownByline(payload, account.name) }, context: SEED_CONTEXT })
      continue
    }
    const byline = writes ? await ownByline(payload, account.name) : undefined
    await payload.create({ collection: 'users', data: { ...account, byline, desks: everyDesk ? desks.map((desk) => desk.id) : [], password }, context: SEED_CONTEXT })
    created.push(account.email)
  }
  return created
}

/** The staff byline of that name, made confirmed if the newsroom has none yet. */
async function ownByline(payload: Payload, name: string): Promise<number> {
  const { docs } = await payload.find({ collection: 'bylines', where: { name: { equals: name } }, limit: 1, depth: 0, select: {} })
  if (docs[0]) return docs[0].id
  const created = await payload.create({ collection: 'bylines', data: { name, kind: 'staff', status: 'confirmed' }, context: SEED_CONTEXT })
  return created.id
}
