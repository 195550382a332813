import { runAdminListBench } from '../../../bench/adminList'
import { analyzeSqlite } from '@/database/adapter'
import { useTestPayload } from '../../helpers/payload'

const db = useTestPayload()
type Client = { execute: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> }
const client = () => (db.payload.db as unknown as { client: Client }).client
const onSqlite = process.env.TEST_MONGODB_URI ? it.skip : it

// The admin list's query as Payload's SQLite adapter writes it (drafts: the versions table).
const ADMIN_LIST_PLAN = `explain query plan select "_articles_v"."id" from "_articles_v" where "_articles_v"."latest" = 1 order by "_articles_v"."version_published_at" desc, "_articles_v"."created_at" desc limit 50`

// A journalist's list count as Payload writes it: their access rule is published, owned, or crediting their byline.
const JOURNALIST_COUNT_PLAN = `explain query plan select count(*) from "_articles_v" where ("_articles_v"."latest" = 1 and ("_articles_v"."version__status" = 'published' or "_articles_v"."version_owner_id" = 1 or "_articles_v"."version_credited_bylines" like '%,1,%'))`

describe('SQLite planner statistics', () => {
  onSqlite('are gathered when Payload starts', async () => {
    const stats = await client().execute("select count(*) as n from sqlite_master where name = 'sqlite_stat1'")
    expect(Number(stats.rows[0].n)).toBe(1)
  })

  onSqlite('records how selective each index of the versions table is, and the admin list then walks the publication-date index', async () => {
    await runAdminListBench(db.payload, { size: 300, rounds: 1, log: () => undefined })
    await client().execute('DELETE FROM sqlite_stat1')
    await analyzeSqlite(db.payload)
    const stats = await client().execute("select idx, stat from sqlite_stat1 where tbl = '_articles_v'")
    const statOf = (index: string) => String(stats.rows.find((row) => row.idx === index)?.stat)
    // "<rows> <rows per value>": every version row has latest = 1, each publication time is its own.
    expect(statOf('_articles_v_latest_idx')).toMatch(/^(\d+) \1$/)
    expect(statOf('_articles_v_version_version_published_at_idx')).toMatch(/^\d+ 1$/)
    const plan = (await client().execute(ADMIN_LIST_PLAN)).rows.map((row) => String(row.detail)).join('\n')
    expect(plan).toContain('USING INDEX _articles_v_version_version_published_at_idx')
  })

  onSqlite('counts a journalist’s article list from the access-rule index alone, never reading the wide article rows', async () => {
    const plan = (await client().execute(JOURNALIST_COUNT_PLAN)).rows.map((row) => String(row.detail)).join('\n')
    expect(plan).toContain('USING COVERING INDEX _articles_v_access_rule_idx')
  })
})
