import type { Payload } from 'payload'

import type { Role } from '@/access/roles'
import type { Env } from '@/config/environment'
import { SEED_CONTEXT } from './seedNewsroom'

export const DEFAULT_DEMO_PASSWORD = 'newsroom-demo'

/** `writes`: the account writes under a byline of its own name, so its new articles credit it. */
export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; name: string; role: Role; writes?: boolean }> = [
  { email: 'admin@newsroom.test', name: '演示管理员', role: 'admin' },
  { email: 'editor@newsroom.test', name: '演示编辑', role: 'editor' },
  { email: 'journalist@newsroom.test', name: '演示记者', role: 'journalist', writes: true },
]

export function demoPassword(env: Env = process.env): string {
  return env.DEMO_PASSWORD?.trim() || DEFAULT_DEMO_PASSWORD
}

/** Only the demo start calls this: a real deployment never gets accounts with known passwords. */
export async function ensureDemoAccounts(payload: Payload, password: string): Promise<string[]> {
  const created: string[] = []
  for (const { writes, ...account } of DEMO_ACCOUNTS) {
    const existing = await payload.find({ collection: 'users', where: { email: { equals: account.email } }, limit: 1, depth: 0 })
    const user = existing.docs[0]
    // An account made before demo accounts had bylines gets its link now.
    if (user) {
      if (writes && user.byline == null) await payload.update({ collection: 'users', id: user.id, data: { byline: await ownByline(payload, account.name) }, context: SEED_CONTEXT })
      continue
    }
    const byline = writes ? await ownByline(payload, account.name) : undefined
    await payload.create({ collection: 'users', data: { ...account, byline, password }, context: SEED_CONTEXT })
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
