import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { CREATE_SEARCH_TABLE, DROP_SEARCH_TABLE } from '../search/adapters/sqlite'
import { pinyinKeys } from '../search/tokens'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`columns\` ADD \`pinyin\` text;`)
  await db.run(sql`CREATE INDEX \`columns_pinyin_idx\` ON \`columns\` (\`pinyin\`);`)
  await db.run(sql`ALTER TABLE \`bylines\` ADD \`pinyin\` text;`)
  await db.run(sql`CREATE INDEX \`bylines_pinyin_idx\` ON \`bylines\` (\`pinyin\`);`)
  // Names saved before this migration get their pinyin now; later saves keep it current.
  for (const table of ['columns', 'bylines']) {
    const rows = await db.all<{ id: number; name: string }>(sql`SELECT id, name FROM ${sql.identifier(table)}`)
    for (const row of rows) await db.run(sql`UPDATE ${sql.identifier(table)} SET pinyin = ${pinyinKeys(row.name).join(' ') || null} WHERE id = ${row.id}`)
  }
  // Filled from the articles when the server boots (src/seed/boot.ts).
  await db.run(sql.raw(CREATE_SEARCH_TABLE))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql.raw(DROP_SEARCH_TABLE))
  await db.run(sql`DROP INDEX \`columns_pinyin_idx\`;`)
  await db.run(sql`ALTER TABLE \`columns\` DROP COLUMN \`pinyin\`;`)
  await db.run(sql`DROP INDEX \`bylines_pinyin_idx\`;`)
  await db.run(sql`ALTER TABLE \`bylines\` DROP COLUMN \`pinyin\`;`)
}
