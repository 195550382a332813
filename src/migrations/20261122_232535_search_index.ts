import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { CREATE_SEARCH_TABLES, DROP_SEARCH_TABLES } from '@/search/adapters/sqlite'
import { pinyinLabels } from '@/search/tokens'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`columns\` ADD \`pinyin\` text;`)
  await db.run(sql`ALTER TABLE \`columns\` ADD \`picker_title\` text;`)
  await db.run(sql`CREATE INDEX \`columns_pinyin_idx\` ON \`columns\` (\`pinyin\`);`)
  await db.run(sql`ALTER TABLE \`bylines\` ADD \`pinyin\` text;`)
  await db.run(sql`ALTER TABLE \`bylines\` ADD \`picker_title\` text;`)
  await db.run(sql`CREATE INDEX \`bylines_pinyin_idx\` ON \`bylines\` (\`pinyin\`);`)
  // Names saved before this migration get their pinyin now; later saves keep it current.
  for (const table of ['columns', 'bylines']) {
    const rows = await db.all<{ id: number; name: string }>(sql`SELECT id, name FROM ${sql.identifier(table)}`)
    for (const row of rows) {
      const { pinyin, pickerTitle } = pinyinLabels(row.name)
      await db.run(sql`UPDATE ${sql.identifier(table)} SET pinyin = ${pinyin}, picker_title = ${pickerTitle} WHERE id = ${row.id}`)
    }
  }
  // Filled from the articles when the server boots (src/seed/boot.ts).
  for (const statement of CREATE_SEARCH_TABLES) await db.run(sql.raw(statement))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const statement of DROP_SEARCH_TABLES) await db.run(sql.raw(statement))
  await db.run(sql`DROP INDEX \`columns_pinyin_idx\`;`)
  await db.run(sql`ALTER TABLE \`columns\` DROP COLUMN \`pinyin\`;`)
  await db.run(sql`ALTER TABLE \`columns\` DROP COLUMN \`picker_title\`;`)
  await db.run(sql`DROP INDEX \`bylines_pinyin_idx\`;`)
  await db.run(sql`ALTER TABLE \`bylines\` DROP COLUMN \`pinyin\`;`)
  await db.run(sql`ALTER TABLE \`bylines\` DROP COLUMN \`picker_title\`;`)
}
