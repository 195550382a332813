import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { automergeStatements, CREATE_STALE_TABLE, DROP_STALE_TABLE } from '@/search/adapters/sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`_status_retraction_retractedAt_publishedAt_idx\` ON \`articles\` (\`_status\`,\`retraction_retracted_at\`,\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_idx\` ON \`_articles_v\` (\`version__status\`,\`version_retraction_retracted_at\`,\`version_published_at\`);`)
  // The search index's own table, outside Payload's schema like the index it serves.
  await db.run(sql.raw(CREATE_STALE_TABLE))
  for (const statement of automergeStatements(0)) await db.run(sql.raw(statement))
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  for (const statement of automergeStatements(4)) await db.run(sql.raw(statement))
  await db.run(sql.raw(DROP_STALE_TABLE))
  await db.run(sql`DROP INDEX \`_status_retraction_retractedAt_publishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`compound_index_idx\`;`)
}
