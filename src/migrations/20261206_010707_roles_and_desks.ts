import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`desks\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`description\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`desks_name_idx\` ON \`desks\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`desks_updated_at_idx\` ON \`desks\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`desks_created_at_idx\` ON \`desks\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`users_roles\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_roles_order_idx\` ON \`users_roles\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_roles_parent_idx\` ON \`users_roles\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`desks_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`desks_id\`) REFERENCES \`desks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_rels_order_idx\` ON \`users_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_parent_idx\` ON \`users_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_path_idx\` ON \`users_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_desks_id_idx\` ON \`users_rels\` (\`desks_id\`);`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`desk_id\` integer REFERENCES desks(id);`)
  await db.run(sql`CREATE INDEX \`articles_desk_idx\` ON \`articles\` (\`desk_id\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_desk_id\` integer REFERENCES desks(id);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_desk_idx\` ON \`_articles_v\` (\`version_desk_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`desks_id\` integer REFERENCES desks(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_desks_id_idx\` ON \`payload_locked_documents_rels\` (\`desks_id\`);`)
  // Each account keeps the one role it had, as its first of several.
  await db.run(sql`INSERT INTO \`users_roles\` (\`order\`, \`parent_id\`, \`value\`) SELECT 1, \`id\`, \`role\` FROM \`users\` WHERE \`role\` IS NOT NULL;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`role\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`desks\`;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`role\` text DEFAULT 'journalist' NOT NULL;`)
  // Back to one role each: the first the account held of the three that existed then (an account with none of them becomes a journalist).
  await db.run(sql`UPDATE \`users\` SET \`role\` = COALESCE((SELECT \`value\` FROM \`users_roles\` WHERE \`parent_id\` = \`users\`.\`id\` AND \`value\` IN ('admin', 'editor', 'journalist') ORDER BY \`order\` LIMIT 1), 'journalist');`)
  await db.run(sql`DROP TABLE \`users_roles\`;`)
  await db.run(sql`DROP TABLE \`users_rels\`;`)
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
  	\`scheduled_for\` text,
  	\`published_late_by\` numeric,
  	\`embargo_until\` text,
  	\`unpublish_at\` text,
  	\`owner_id\` integer,
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
  	FOREIGN KEY (\`owner_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_articles\`("id", "kicker", "title", "web_title", "subtitle", "summary", "body", "column_id", "article_type", "installment_number", "installment_part_name", "installment_sub_series", "byline_position", "lead_photo_id", "print_edition_date", "print_page_number", "print_page_name", "seo_title", "seo_description", "seo_image_id", "retraction_retracted_at", "retraction_notice", "workflow_state", "scheduled_for", "published_late_by", "embargo_until", "unpublish_at", "owner_id", "credited_bylines", "used_photos", "headline", "slug", "published_at", "publishedat_tz", "source_key", "character_count", "needs_review", "updated_at", "created_at", "_status") SELECT "id", "kicker", "title", "web_title", "subtitle", "summary", "body", "column_id", "article_type", "installment_number", "installment_part_name", "installment_sub_series", "byline_position", "lead_photo_id", "print_edition_date", "print_page_number", "print_page_name", "seo_title", "seo_description", "seo_image_id", "retraction_retracted_at", "retraction_notice", "workflow_state", "scheduled_for", "published_late_by", "embargo_until", "unpublish_at", "owner_id", "credited_bylines", "used_photos", "headline", "slug", "published_at", "publishedat_tz", "source_key", "character_count", "needs_review", "updated_at", "created_at", "_status" FROM \`articles\`;`)
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
  	\`version_scheduled_for\` text,
  	\`version_published_late_by\` numeric,
  	\`version_embargo_until\` text,
  	\`version_unpublish_at\` text,
  	\`version_owner_id\` integer,
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
  	FOREIGN KEY (\`version_owner_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__articles_v\`("id", "parent_id", "version_kicker", "version_title", "version_web_title", "version_subtitle", "version_summary", "version_body", "version_column_id", "version_article_type", "version_installment_number", "version_installment_part_name", "version_installment_sub_series", "version_byline_position", "version_lead_photo_id", "version_print_edition_date", "version_print_page_number", "version_print_page_name", "version_seo_title", "version_seo_description", "version_seo_image_id", "version_retraction_retracted_at", "version_retraction_notice", "version_workflow_state", "version_scheduled_for", "version_published_late_by", "version_embargo_until", "version_unpublish_at", "version_owner_id", "version_credited_bylines", "version_used_photos", "version_headline", "version_slug", "version_published_at", "version_publishedat_tz", "version_source_key", "version_character_count", "version_needs_review", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_kicker", "version_title", "version_web_title", "version_subtitle", "version_summary", "version_body", "version_column_id", "version_article_type", "version_installment_number", "version_installment_part_name", "version_installment_sub_series", "version_byline_position", "version_lead_photo_id", "version_print_edition_date", "version_print_page_number", "version_print_page_name", "version_seo_title", "version_seo_description", "version_seo_image_id", "version_retraction_retracted_at", "version_retraction_notice", "version_workflow_state", "version_scheduled_for", "version_published_late_by", "version_embargo_until", "version_unpublish_at", "version_owner_id", "version_credited_bylines", "version_used_photos", "version_headline", "version_slug", "version_published_at", "version_publishedat_tz", "version_source_key", "version_character_count", "version_needs_review", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_articles_v\`;`)
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
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`articles_id\` integer,
  	\`columns_id\` integer,
  	\`installments_id\` integer,
  	\`bylines_id\` integer,
  	\`photos_id\` integer,
  	\`tags_id\` integer,
  	\`regions_id\` integer,
  	\`editorial_comments_id\` integer,
  	\`workflow_events_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`columns_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`installments_id\`) REFERENCES \`installments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`bylines_id\`) REFERENCES \`bylines\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`photos_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`tags_id\`) REFERENCES \`tags\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`regions_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`editorial_comments_id\`) REFERENCES \`editorial_comments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`workflow_events_id\`) REFERENCES \`workflow_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "articles_id", "columns_id", "installments_id", "bylines_id", "photos_id", "tags_id", "regions_id", "editorial_comments_id", "workflow_events_id", "users_id") SELECT "id", "order", "parent_id", "path", "articles_id", "columns_id", "installments_id", "bylines_id", "photos_id", "tags_id", "regions_id", "editorial_comments_id", "workflow_events_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_articles_id_idx\` ON \`payload_locked_documents_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_columns_id_idx\` ON \`payload_locked_documents_rels\` (\`columns_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_installments_id_idx\` ON \`payload_locked_documents_rels\` (\`installments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_bylines_id_idx\` ON \`payload_locked_documents_rels\` (\`bylines_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_photos_id_idx\` ON \`payload_locked_documents_rels\` (\`photos_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_tags_id_idx\` ON \`payload_locked_documents_rels\` (\`tags_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_regions_id_idx\` ON \`payload_locked_documents_rels\` (\`regions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_editorial_comments_id_idx\` ON \`payload_locked_documents_rels\` (\`editorial_comments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_workflow_events_id_idx\` ON \`payload_locked_documents_rels\` (\`workflow_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
}
