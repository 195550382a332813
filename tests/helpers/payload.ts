import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

export type TestPayload = { payload: Payload; databaseFile: string; cleanup: () => Promise<void> }

/**
 * Boots Payload's Local API on a fresh SQLite file. DATABASE_URI must be set before the
 * config module is evaluated, hence the dynamic imports.
 */
export async function startTestPayload(): Promise<TestPayload> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-test-'))
  const databaseFile = path.join(dir, 'test.db')
  process.env.DATABASE_URI = `file:${databaseFile}`
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  const payload = await getPayload({ config })
  return {
    payload,
    databaseFile,
    cleanup: async () => {
      await payload.destroy()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
