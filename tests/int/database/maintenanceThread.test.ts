import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'

import { SEARCH_TABLES } from '@/search/adapters/sqlite'
import { useTestPayload } from '../../helpers/payload'

/**
 * The server's connections never copy the write-ahead log into the database file themselves,
 * nor merge the search index's segments (both happen inside a COMMIT, on the event loop's
 * thread); a worker thread does, every second. Seen from outside: the database file alone,
 * without its -wal, catches up with what was committed, and the index's segments, one per
 * writing transaction, are merged, although no connection of this process did either.
 */
const booted = useTestPayload()
const databaseFile = () => (process.env.DATABASE_URI ?? '').replace(/^file:/, '')
const sqliteOnly = process.env.TEST_MONGODB_URI ? it.skip : it

/** The rows of the database file as it is on disk, without the log SQLite has not copied into it yet. */
async function titlesInDatabaseFileAlone(): Promise<string[]> {
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-wal-')), 'alone.db')
  fs.copyFileSync(databaseFile(), copy)
  const client = createClient({ url: `file:${copy}` })
  try {
    // Right after boot the file alone may not even hold the tables the migrations created yet.
    const created = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'tags'")
    if (created.rows.length === 0) return []
    return (await client.execute('SELECT name FROM tags')).rows.map((row) => String(row.name))
  } finally {
    client.close()
    fs.rmSync(path.dirname(copy), { recursive: true, force: true })
  }
}

describe('SQLite write-ahead log checkpoints', () => {
  sqliteOnly('are never run by the server’s own connections at COMMIT', async () => {
    const client = (booted.payload.db as unknown as { client: { execute: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> } }).client
    const { rows } = await client.execute('PRAGMA wal_autocheckpoint')
    expect(Object.values(rows[0])).toEqual([0])
  })

  sqliteOnly('copy committed writes into the database file from a thread of their own within seconds', async () => {
    const name = `检查点标签${Date.now()}`
    await booted.payload.create({ collection: 'tags', data: { name } as never, overrideAccess: true })
    let seen: string[] = []
    for (let attempt = 0; attempt < 50 && !seen.includes(name); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      seen = await titlesInDatabaseFileAlone()
    }
    expect(seen).toContain(name)
  })

  sqliteOnly('merge the search index’s segments, which no COMMIT merges any more, from the same thread', async () => {
    const client = createClient({ url: `file:${databaseFile()}` })
    try {
      const automerge = await client.execute(`SELECT v FROM ${SEARCH_TABLES.public}_config WHERE k = 'automerge'`)
      expect(automerge.rows.map((row) => Number(row.v))).toEqual([0])
      const segmentRows = async () => Number((await client.execute(`SELECT count(*) AS n FROM ${SEARCH_TABLES.public}_data`)).rows[0].n)
      // Each transaction writing to an FTS5 table adds a segment; without automerge they pile up.
      for (let row = 1; row <= 24; row += 1) await client.execute({ sql: `INSERT INTO ${SEARCH_TABLES.public} (rowid, title) VALUES (?, ?)`, args: [900_000 + row, `段落合并测试 ${row}`] })
      const piledUp = await segmentRows()
      let merged = piledUp
      for (let attempt = 0; attempt < 50 && merged >= piledUp; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 200))
        merged = await segmentRows()
      }
      expect(merged).toBeLessThan(piledUp)
    } finally {
      client.close()
    }
  })
})
