import { createClient } from '@libsql/client'

import { createSlowStatementLog, timeStatements } from '@/database/slowStatements'

const SLOW_QUERY = 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000) SELECT count(*) AS c FROM n'

describe('the slow-statement log', () => {
  it('names a statement that held the event loop longer than the threshold, once a minute per statement', async () => {
    const lines: string[] = []
    const client = timeStatements(createClient({ url: ':memory:' }), createSlowStatementLog(() => ({ warn: (line) => lines.push(line) }), 20))
    await client.execute('SELECT 1')
    expect(lines).toEqual([])

    await client.execute(SLOW_QUERY)
    await client.execute(SLOW_QUERY)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^SQLite 语句执行 \d+ ms，事件循环期间停顿/)
    expect(lines[0]).toContain('WITH RECURSIVE n(i)')
    client.close()
  })
})
