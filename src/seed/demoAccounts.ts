import type { Payload } from 'payload'

import type { Role } from '../access/roles'
import type { Env } from '../config/environment'
import { SEED_CONTEXT } from './seedNewsroom'

export const DEFAULT_DEMO_PASSWORD = 'newsroom-demo'

export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; name: string; role: Role }> = [
  { email: 'admin@newsroom.test', name: '演示管理员', role: 'admin' },
  { email: 'editor@newsroom.test', name: '演示编辑', role: 'editor' },
  { email: 'journalist@newsroom.test', name: '演示记者', role: 'journalist' },
]

export function demoPassword(env: Env = process.env): string {
  return env.DEMO_PASSWORD?.trim() || DEFAULT_DEMO_PASSWORD
}

/** Only the demo start calls this: a real deployment never gets accounts with known passwords. */
export async function ensureDemoAccounts(payload: Payload, password: string): Promise<string[]> {
  const created: string[] = []
  for (const account of DEMO_ACCOUNTS) {
    const existing = await payload.find({ collection: 'users', where: { email: { equals: account.email } }, limit: 1, depth: 0 })
    if (existing.docs.length > 0) continue
    await payload.create({ collection: 'users', data: { ...account, password }, context: SEED_CONTEXT })
    created.push(account.email)
  }
  return created
}
