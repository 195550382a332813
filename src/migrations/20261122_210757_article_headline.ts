import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`headline\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`articles_headline_idx\` ON \`articles\` (\`headline\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_headline\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_headline_idx\` ON \`_articles_v\` (\`version_headline\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`articles_headline_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`headline\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_version_version_headline_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_headline\`;`)
}
