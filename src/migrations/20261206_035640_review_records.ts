import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`responsible_editor\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`review_signers_first\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`review_signers_second\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`review_signers_final\` text;`)
  // Who saved each version: deleting an account keeps the versions and forgets the name, as for the owner.
  await db.run(sql`ALTER TABLE \`articles\` ADD \`saved_by_id\` integer REFERENCES users(id) ON DELETE set null;`)
  await db.run(sql`CREATE INDEX \`articles_saved_by_idx\` ON \`articles\` (\`saved_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_responsible_editor\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_review_signers_first\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_review_signers_second\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_review_signers_final\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_saved_by_id\` integer REFERENCES users(id) ON DELETE set null;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_saved_by_idx\` ON \`_articles_v\` (\`version_saved_by_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_articles\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`kicker\` text,
  	\`title\` text,
  	\`web_title\` text,
  	\`subtitle\` text,
  	\`summary\` text,
  	\`body\` text,
  	\`column_id\` integer,
  	\`article_type\` text DEFAULT 'news',
  	\`installment_number\` numeric,
  	\`installment_part_name\` text,
  	\`installment_sub_series\` text,
  	\`byline_position\` text DEFAULT 'header',
  	\`lead_photo_id\` integer,
  	\`print_edition_date\` text,
  	\`print_page_number\` numeric,
  	\`print_page_name\` text,
  	\`seo_title\` text,
  	\`seo_description\` text,
  	\`seo_image_id\` integer,
  	\`retraction_retracted_at\` text,
  	\`retraction_notice\` text,
  	\`workflow_state\` text DEFAULT 'draft',
  	\`review_round\` numeric DEFAULT 0,
  	\`returned_at_level\` text,
  	\`scheduled_for\` text,
  	\`published_late_by\` numeric,
  	\`embargo_until\` text,
  	\`unpublish_at\` text,
  	\`owner_id\` integer,
  	\`desk_id\` integer,
  	\`credited_bylines\` text,
  	\`used_photos\` text,
  	\`headline\` integer DEFAULT false,
  	\`slug\` text,
  	\`published_at\` text,
  	\`publishedat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`source_key\` text,
  	\`character_count\` numeric,
  	\`needs_review\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`column_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`lead_photo_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`seo_image_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`owner_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`desk_id\`) REFERENCES \`desks\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_articles\`("id", "kicker", "title", "web_title", "subtitle", "summary", "body", "column_id", "article_type", "installment_number", "installment_part_name", "installment_sub_series", "byline_position", "lead_photo_id", "print_edition_date", "print_page_number", "print_page_name", "seo_title", "seo_description", "seo_image_id", "retraction_retracted_at", "retraction_notice", "workflow_state", "review_round", "returned_at_level", "scheduled_for", "published_late_by", "embargo_until", "unpublish_at", "owner_id", "desk_id", "credited_bylines", "used_photos", "headline", "slug", "published_at", "publishedat_tz", "source_key", "character_count", "needs_review", "updated_at", "created_at", "_status") SELECT "id", "kicker", "title", "web_title", "subtitle", "summary", "body", "column_id", "article_type", "installment_number", "installment_part_name", "installment_sub_series", "byline_position", "lead_photo_id", "print_edition_date", "print_page_number", "print_page_name", "seo_title", "seo_description", "seo_image_id", "retraction_retracted_at", "retraction_notice", "workflow_state", "review_round", "returned_at_level", "scheduled_for", "published_late_by", "embargo_until", "unpublish_at", "owner_id", "desk_id", "credited_bylines", "used_photos", "headline", "slug", "published_at", "publishedat_tz", "source_key", "character_count", "needs_review", "updated_at", "created_at", "_status" FROM \`articles\`;`)
  await db.run(sql`DROP TABLE \`articles\`;`)
  await db.run(sql`ALTER TABLE \`__new_articles\` RENAME TO \`articles\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`articles_column_idx\` ON \`articles\` (\`column_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_lead_photo_idx\` ON \`articles\` (\`lead_photo_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_seo_seo_image_idx\` ON \`articles\` (\`seo_image_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_workflow_state_idx\` ON \`articles\` (\`workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`articles_scheduled_for_idx\` ON \`articles\` (\`scheduled_for\`);`)
  await db.run(sql`CREATE INDEX \`articles_embargo_until_idx\` ON \`articles\` (\`embargo_until\`);`)
  await db.run(sql`CREATE INDEX \`articles_unpublish_at_idx\` ON \`articles\` (\`unpublish_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_owner_idx\` ON \`articles\` (\`owner_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_desk_idx\` ON \`articles\` (\`desk_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_headline_idx\` ON \`articles\` (\`headline\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`articles_slug_idx\` ON \`articles\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`articles_published_at_idx\` ON \`articles\` (\`published_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`articles_source_key_idx\` ON \`articles\` (\`source_key\`);`)
  await db.run(sql`CREATE INDEX \`articles_needs_review_idx\` ON \`articles\` (\`needs_review\`);`)
  await db.run(sql`CREATE INDEX \`articles_updated_at_idx\` ON \`articles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_created_at_idx\` ON \`articles\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`articles__status_idx\` ON \`articles\` (\`_status\`);`)
  await db.run(sql`CREATE INDEX \`_status_retraction_retractedAt_publishedAt_idx\` ON \`articles\` (\`_status\`,\`retraction_retracted_at\`,\`published_at\`);`)
  await db.run(sql`CREATE TABLE \`__new__articles_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_kicker\` text,
  	\`version_title\` text,
  	\`version_web_title\` text,
  	\`version_subtitle\` text,
  	\`version_summary\` text,
  	\`version_body\` text,
  	\`version_column_id\` integer,
  	\`version_article_type\` text DEFAULT 'news',
  	\`version_installment_number\` numeric,
  	\`version_installment_part_name\` text,
  	\`version_installment_sub_series\` text,
  	\`version_byline_position\` text DEFAULT 'header',
  	\`version_lead_photo_id\` integer,
  	\`version_print_edition_date\` text,
  	\`version_print_page_number\` numeric,
  	\`version_print_page_name\` text,
  	\`version_seo_title\` text,
  	\`version_seo_description\` text,
  	\`version_seo_image_id\` integer,
  	\`version_retraction_retracted_at\` text,
  	\`version_retraction_notice\` text,
  	\`version_workflow_state\` text DEFAULT 'draft',
  	\`version_review_round\` numeric DEFAULT 0,
  	\`version_returned_at_level\` text,
  	\`version_scheduled_for\` text,
  	\`version_published_late_by\` numeric,
  	\`version_embargo_until\` text,
  	\`version_unpublish_at\` text,
  	\`version_owner_id\` integer,
  	\`version_desk_id\` integer,
  	\`version_credited_bylines\` text,
  	\`version_used_photos\` text,
  	\`version_headline\` integer DEFAULT false,
  	\`version_slug\` text,
  	\`version_published_at\` text,
  	\`version_publishedat_tz\` text DEFAULT 'Asia/Shanghai',
  	\`version_source_key\` text,
  	\`version_character_count\` numeric,
  	\`version_needs_review\` integer DEFAULT false,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_column_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_lead_photo_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_seo_image_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_owner_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_desk_id\`) REFERENCES \`desks\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__articles_v\`("id", "parent_id", "version_kicker", "version_title", "version_web_title", "version_subtitle", "version_summary", "version_body", "version_column_id", "version_article_type", "version_installment_number", "version_installment_part_name", "version_installment_sub_series", "version_byline_position", "version_lead_photo_id", "version_print_edition_date", "version_print_page_number", "version_print_page_name", "version_seo_title", "version_seo_description", "version_seo_image_id", "version_retraction_retracted_at", "version_retraction_notice", "version_workflow_state", "version_review_round", "version_returned_at_level", "version_scheduled_for", "version_published_late_by", "version_embargo_until", "version_unpublish_at", "version_owner_id", "version_desk_id", "version_credited_bylines", "version_used_photos", "version_headline", "version_slug", "version_published_at", "version_publishedat_tz", "version_source_key", "version_character_count", "version_needs_review", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_kicker", "version_title", "version_web_title", "version_subtitle", "version_summary", "version_body", "version_column_id", "version_article_type", "version_installment_number", "version_installment_part_name", "version_installment_sub_series", "version_byline_position", "version_lead_photo_id", "version_print_edition_date", "version_print_page_number", "version_print_page_name", "version_seo_title", "version_seo_description", "version_seo_image_id", "version_retraction_retracted_at", "version_retraction_notice", "version_workflow_state", "version_review_round", "version_returned_at_level", "version_scheduled_for", "version_published_late_by", "version_embargo_until", "version_unpublish_at", "version_owner_id", "version_desk_id", "version_credited_bylines", "version_used_photos", "version_headline", "version_slug", "version_published_at", "version_publishedat_tz", "version_source_key", "version_character_count", "version_needs_review", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_articles_v\`;`)
  await db.run(sql`DROP TABLE \`_articles_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__articles_v\` RENAME TO \`_articles_v\`;`)
  await db.run(sql`CREATE INDEX \`_articles_v_parent_idx\` ON \`_articles_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_column_idx\` ON \`_articles_v\` (\`version_column_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_lead_photo_idx\` ON \`_articles_v\` (\`version_lead_photo_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_seo_version_seo_image_idx\` ON \`_articles_v\` (\`version_seo_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_workflow_state_idx\` ON \`_articles_v\` (\`version_workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_scheduled_for_idx\` ON \`_articles_v\` (\`version_scheduled_for\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_embargo_until_idx\` ON \`_articles_v\` (\`version_embargo_until\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_unpublish_at_idx\` ON \`_articles_v\` (\`version_unpublish_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_owner_idx\` ON \`_articles_v\` (\`version_owner_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_desk_idx\` ON \`_articles_v\` (\`version_desk_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_headline_idx\` ON \`_articles_v\` (\`version_headline\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_slug_idx\` ON \`_articles_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_published_at_idx\` ON \`_articles_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_source_key_idx\` ON \`_articles_v\` (\`version_source_key\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_needs_review_idx\` ON \`_articles_v\` (\`version_needs_review\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_updated_at_idx\` ON \`_articles_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_created_at_idx\` ON \`_articles_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version__status_idx\` ON \`_articles_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_created_at_idx\` ON \`_articles_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_updated_at_idx\` ON \`_articles_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_latest_idx\` ON \`_articles_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_autosave_idx\` ON \`_articles_v\` (\`autosave\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_idx\` ON \`_articles_v\` (\`version__status\`,\`version_retraction_retracted_at\`,\`version_published_at\`);`)
}
