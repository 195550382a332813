import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { seedNewsroom } from '@/seed/seedNewsroom'
import { flushStaffEntries } from '@/search/staffIndexing'
import { createStaff, type Staff } from './newsroomUsers'

export type TestPayload = { payload: Payload; cleanup: () => Promise<void> }

/**
 * Boots Payload's Local API on a fresh database: a temporary SQLite file, or, when
 * TEST_MONGODB_URI is set (`npm run test:mongo`), a uniquely named MongoDB database.
 * DATABASE_URI must be set before the config module is evaluated, hence the dynamic imports.
 */
export async function startTestPayload(): Promise<TestPayload> {
  const mongoUri = process.env.TEST_MONGODB_URI
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-test-'))
  process.env.DATABASE_URI = mongoUri
    ? withDatabaseName(mongoUri, `newsroom_test_${randomBytes(4).toString('hex')}`)
    : `file:${path.join(dir, 'test.db')}`
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  const payload = await getPayload({ config })
  return {
    payload,
    cleanup: async () => {
      if (mongoUri) await dropMongoDatabase(payload)
      await payload.destroy()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

function withDatabaseName(uri: string, name: string): string {
  const url = new URL(uri)
  url.pathname = `/${name}`
  return url.toString()
}

async function dropMongoDatabase(payload: Payload): Promise<void> {
  const connection = (payload.db as unknown as { connection?: { dropDatabase: () => Promise<unknown> } }).connection
  await connection?.dropDatabase()
}

export type BootedPayload = { payload: Payload; staff: Staff }

/**
 * Registers the suite's lifecycle, as useDemoServer does for browser suites: one fresh
 * database for every test in the file (with the staff accounts and the seed pages when
 * asked; `staff` is unset otherwise), then `ready` for the suite's own setup, and the
 * database removed afterwards.
 */
export function useTestPayload(options: { staff?: boolean; seed?: boolean } = {}, ready?: (booted: BootedPayload) => Promise<unknown> | unknown): BootedPayload {
  const booted = {} as BootedPayload
  let ctx: TestPayload | undefined
  beforeAll(async () => {
    ctx = await startTestPayload()
    booted.payload = ctx.payload
    if (options.staff) booted.staff = await createStaff(ctx.payload)
    if (options.seed) await seedNewsroom(ctx.payload)
    await ready?.(booted)
  })
  afterAll(async () => {
    // Draft saves through the API left re-indexes waiting: run them before the database closes.
    if (ctx) await flushStaffEntries(ctx.payload)
    await ctx?.cleanup()
  })
  return booted
}
