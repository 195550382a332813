import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// The covering indexes are SQLite's own (not in Payload's schema): a journalist's article list
// counts the rows their access rule admits (published, owned, or crediting their byline), and
// with every column of that rule in one index the count never reads the wide article rows.
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`credited_bylines\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_credited_bylines\` text;`)
  await db.run(sql`UPDATE \`articles\` SET \`credited_bylines\` = (SELECT ',' || group_concat(\`byline_id\`, ',') || ',' FROM \`articles_bylines\` WHERE \`_parent_id\` = \`articles\`.\`id\` AND \`byline_id\` IS NOT NULL);`)
  await db.run(sql`UPDATE \`_articles_v\` SET \`version_credited_bylines\` = (SELECT ',' || group_concat(\`byline_id\`, ',') || ',' FROM \`_articles_v_version_bylines\` WHERE \`_parent_id\` = \`_articles_v\`.\`id\` AND \`byline_id\` IS NOT NULL);`)
  await db.run(sql`CREATE INDEX \`articles_access_rule_idx\` ON \`articles\` (\`_status\`, \`owner_id\`, \`credited_bylines\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_access_rule_idx\` ON \`_articles_v\` (\`latest\`, \`version__status\`, \`version_owner_id\`, \`version_credited_bylines\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_articles_v_access_rule_idx\`;`)
  await db.run(sql`DROP INDEX \`articles_access_rule_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`credited_bylines\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_credited_bylines\`;`)
}
