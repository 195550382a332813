import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`review_round\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`returned_at_level\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_review_round\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_returned_at_level\` text;`)
  await db.run(sql`ALTER TABLE \`columns\` ADD \`review_chain_overrides_desk\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`columns\` ADD \`review_chain_first\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`columns\` ADD \`review_chain_second\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`columns\` ADD \`review_chain_proofreading\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`columns\` ADD \`review_chain_briefs_skip_second\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`workflow_events\` ADD \`level\` text;`)
  await db.run(sql`ALTER TABLE \`workflow_events\` ADD \`round\` numeric;`)
  await db.run(sql`ALTER TABLE \`workflow_events\` ADD \`version\` text;`)
  await db.run(sql`ALTER TABLE \`workflow_events\` ADD \`content_hash\` text;`)
  await db.run(sql`CREATE INDEX \`workflow_events_level_idx\` ON \`workflow_events\` (\`level\`);`)
  await db.run(sql`ALTER TABLE \`desks\` ADD \`review_chain_first\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`desks\` ADD \`review_chain_second\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`desks\` ADD \`review_chain_proofreading\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`desks\` ADD \`review_chain_briefs_skip_second\` integer DEFAULT false;`)
  // The three 审 states replace 待审 and 已审. A submitted article waits for 初审; an approved one
  // had one editor's approval, which is no 终审 signature, so it waits for 终审 (no signature is invented).
  for (const [from, to] of [['submitted', 'pendingFirst'], ['approved', 'pendingFinal']]) {
    await db.run(sql`UPDATE \`articles\` SET \`workflow_state\` = ${to} WHERE \`workflow_state\` = ${from};`)
    await db.run(sql`UPDATE \`_articles_v\` SET \`version_workflow_state\` = ${to} WHERE \`version_workflow_state\` = ${from};`)
    await db.run(sql`UPDATE \`workflow_events\` SET \`from\` = ${to} WHERE \`from\` = ${from};`)
    await db.run(sql`UPDATE \`workflow_events\` SET \`to\` = ${to} WHERE \`to\` = ${from};`)
  }
  await db.run(sql`UPDATE \`articles\` SET \`review_round\` = 1 WHERE \`workflow_state\` IN ('pendingFirst', 'pendingFinal');`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  for (const [from, to] of [['pendingFirst', 'submitted'], ['pendingSecond', 'submitted'], ['pendingProofreading', 'submitted'], ['pendingFinal', 'approved'], ['signed', 'approved']]) {
    await db.run(sql`UPDATE \`articles\` SET \`workflow_state\` = ${to} WHERE \`workflow_state\` = ${from};`)
    await db.run(sql`UPDATE \`_articles_v\` SET \`version_workflow_state\` = ${to} WHERE \`version_workflow_state\` = ${from};`)
  }
  await db.run(sql`DROP INDEX \`workflow_events_level_idx\`;`)
  await db.run(sql`ALTER TABLE \`workflow_events\` DROP COLUMN \`level\`;`)
  await db.run(sql`ALTER TABLE \`workflow_events\` DROP COLUMN \`round\`;`)
  await db.run(sql`ALTER TABLE \`workflow_events\` DROP COLUMN \`version\`;`)
  await db.run(sql`ALTER TABLE \`workflow_events\` DROP COLUMN \`content_hash\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`review_round\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`returned_at_level\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_review_round\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_returned_at_level\`;`)
  await db.run(sql`ALTER TABLE \`columns\` DROP COLUMN \`review_chain_overrides_desk\`;`)
  await db.run(sql`ALTER TABLE \`columns\` DROP COLUMN \`review_chain_first\`;`)
  await db.run(sql`ALTER TABLE \`columns\` DROP COLUMN \`review_chain_second\`;`)
  await db.run(sql`ALTER TABLE \`columns\` DROP COLUMN \`review_chain_proofreading\`;`)
  await db.run(sql`ALTER TABLE \`columns\` DROP COLUMN \`review_chain_briefs_skip_second\`;`)
  await db.run(sql`ALTER TABLE \`desks\` DROP COLUMN \`review_chain_first\`;`)
  await db.run(sql`ALTER TABLE \`desks\` DROP COLUMN \`review_chain_second\`;`)
  await db.run(sql`ALTER TABLE \`desks\` DROP COLUMN \`review_chain_proofreading\`;`)
  await db.run(sql`ALTER TABLE \`desks\` DROP COLUMN \`review_chain_briefs_skip_second\`;`)
}
