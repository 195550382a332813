import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

describe('database selection from DATABASE_URI', () => {
  it('configures the embedded SQLite file under the data directory when DATABASE_URI is unset', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-data-'))
    delete process.env.DATABASE_URI
    process.env.NEWSROOM_DATA_DIR = dataDir
    const { default: config } = await import('@payload-config')
    const sanitized = await config
    expect(sanitized.db.name).toBe('sqlite')
    expect(sanitized.db.defaultIDType).toBe('number')
    const { DEFAULT_SQLITE_FILE } = await import('@/database/adapter')
    expect(DEFAULT_SQLITE_FILE).toBe(path.join(dataDir, 'newsroom.db'))
    fs.rmSync(dataDir, { recursive: true, force: true })
  })
})
