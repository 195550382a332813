import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`_status_retraction_retractedAt_publishedAt_idx\` ON \`articles\` (\`_status\`,\`retraction_retracted_at\`,\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_idx\` ON \`_articles_v\` (\`version__status\`,\`version_retraction_retracted_at\`,\`version_published_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_status_retraction_retractedAt_publishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`compound_index_idx\`;`)
}
