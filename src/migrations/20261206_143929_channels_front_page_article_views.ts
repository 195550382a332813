import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`channels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text,
  	\`position\` numeric DEFAULT 10 NOT NULL,
  	\`in_navigation\` integer DEFAULT true,
  	\`description\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`channels_name_idx\` ON \`channels\` (\`name\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`channels_slug_idx\` ON \`channels\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`channels_position_idx\` ON \`channels\` (\`position\`);`)
  await db.run(sql`CREATE INDEX \`channels_updated_at_idx\` ON \`channels\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`channels_created_at_idx\` ON \`channels\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`channels_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`desks_id\` integer,
  	\`columns_id\` integer,
  	\`tags_id\` integer,
  	\`regions_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`channels\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`desks_id\`) REFERENCES \`desks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`columns_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`tags_id\`) REFERENCES \`tags\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`regions_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`channels_rels_order_idx\` ON \`channels_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`channels_rels_parent_idx\` ON \`channels_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`channels_rels_path_idx\` ON \`channels_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`channels_rels_desks_id_idx\` ON \`channels_rels\` (\`desks_id\`);`)
  await db.run(sql`CREATE INDEX \`channels_rels_columns_id_idx\` ON \`channels_rels\` (\`columns_id\`);`)
  await db.run(sql`CREATE INDEX \`channels_rels_tags_id_idx\` ON \`channels_rels\` (\`tags_id\`);`)
  await db.run(sql`CREATE INDEX \`channels_rels_regions_id_idx\` ON \`channels_rels\` (\`regions_id\`);`)
  await db.run(sql`CREATE TABLE \`article_views\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`article_id\` integer NOT NULL,
  	\`day\` text NOT NULL,
  	\`views\` numeric DEFAULT 0 NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`article_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`article_views_article_idx\` ON \`article_views\` (\`article_id\`);`)
  await db.run(sql`CREATE INDEX \`article_views_day_idx\` ON \`article_views\` (\`day\`);`)
  await db.run(sql`CREATE INDEX \`article_views_updated_at_idx\` ON \`article_views\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`article_views_created_at_idx\` ON \`article_views\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`article_day_idx\` ON \`article_views\` (\`article_id\`,\`day\`);`)
  await db.run(sql`CREATE TABLE \`front_page_blocks_channel_block\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`_path\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`channel_id\` integer,
  	\`count\` numeric DEFAULT 6,
  	\`block_name\` text,
  	FOREIGN KEY (\`channel_id\`) REFERENCES \`channels\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`front_page\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`front_page_blocks_channel_block_order_idx\` ON \`front_page_blocks_channel_block\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`front_page_blocks_channel_block_parent_id_idx\` ON \`front_page_blocks_channel_block\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`front_page_blocks_channel_block_path_idx\` ON \`front_page_blocks_channel_block\` (\`_path\`);`)
  await db.run(sql`CREATE INDEX \`front_page_blocks_channel_block_channel_idx\` ON \`front_page_blocks_channel_block\` (\`channel_id\`);`)
  await db.run(sql`CREATE TABLE \`front_page_blocks_column_block\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`_path\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`column_id\` integer,
  	\`count\` numeric DEFAULT 3,
  	\`block_name\` text,
  	FOREIGN KEY (\`column_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`front_page\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`front_page_blocks_column_block_order_idx\` ON \`front_page_blocks_column_block\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`front_page_blocks_column_block_parent_id_idx\` ON \`front_page_blocks_column_block\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`front_page_blocks_column_block_path_idx\` ON \`front_page_blocks_column_block\` (\`_path\`);`)
  await db.run(sql`CREATE INDEX \`front_page_blocks_column_block_column_idx\` ON \`front_page_blocks_column_block\` (\`column_id\`);`)
  await db.run(sql`CREATE TABLE \`front_page_blocks_most_read_block\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`_path\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`block_name\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`front_page\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`front_page_blocks_most_read_block_order_idx\` ON \`front_page_blocks_most_read_block\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`front_page_blocks_most_read_block_parent_id_idx\` ON \`front_page_blocks_most_read_block\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`front_page_blocks_most_read_block_path_idx\` ON \`front_page_blocks_most_read_block\` (\`_path\`);`)
  await db.run(sql`CREATE TABLE \`front_page_blocks_topics_block_topics\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`tag_id\` integer,
  	\`title\` text,
  	FOREIGN KEY (\`tag_id\`) REFERENCES \`tags\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`front_page_blocks_topics_block\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`front_page_blocks_topics_block_topics_order_idx\` ON \`front_page_blocks_topics_block_topics\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`front_page_blocks_topics_block_topics_parent_id_idx\` ON \`front_page_blocks_topics_block_topics\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`front_page_blocks_topics_block_topics_tag_idx\` ON \`front_page_blocks_topics_block_topics\` (\`tag_id\`);`)
  await db.run(sql`CREATE TABLE \`front_page_blocks_topics_block\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`_path\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`title\` text DEFAULT '专题',
  	\`block_name\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`front_page\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`front_page_blocks_topics_block_order_idx\` ON \`front_page_blocks_topics_block\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`front_page_blocks_topics_block_parent_id_idx\` ON \`front_page_blocks_topics_block\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`front_page_blocks_topics_block_path_idx\` ON \`front_page_blocks_topics_block\` (\`_path\`);`)
  await db.run(sql`CREATE TABLE \`front_page_blocks_regions_block\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`_path\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`block_name\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`front_page\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`front_page_blocks_regions_block_order_idx\` ON \`front_page_blocks_regions_block\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`front_page_blocks_regions_block_parent_id_idx\` ON \`front_page_blocks_regions_block\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`front_page_blocks_regions_block_path_idx\` ON \`front_page_blocks_regions_block\` (\`_path\`);`)
  await db.run(sql`CREATE TABLE \`front_page\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`lead_id\` integer,
  	\`_status\` text DEFAULT 'draft',
  	\`updated_at\` text,
  	\`created_at\` text,
  	FOREIGN KEY (\`lead_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`front_page_lead_idx\` ON \`front_page\` (\`lead_id\`);`)
  await db.run(sql`CREATE INDEX \`front_page__status_idx\` ON \`front_page\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`front_page_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`articles_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`front_page\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`front_page_rels_order_idx\` ON \`front_page_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`front_page_rels_parent_idx\` ON \`front_page_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`front_page_rels_path_idx\` ON \`front_page_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`front_page_rels_articles_id_idx\` ON \`front_page_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE TABLE \`_front_page_v_blocks_channel_block\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`_path\` text NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`channel_id\` integer,
  	\`count\` numeric DEFAULT 6,
  	\`_uuid\` text,
  	\`block_name\` text,
  	FOREIGN KEY (\`channel_id\`) REFERENCES \`channels\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_front_page_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_front_page_v_blocks_channel_block_order_idx\` ON \`_front_page_v_blocks_channel_block\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_front_page_v_blocks_channel_block_parent_id_idx\` ON \`_front_page_v_blocks_channel_block\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_front_page_v_blocks_channel_block_path_idx\` ON \`_front_page_v_blocks_channel_block\` (\`_path\`);`)
  await db.run(sql`CREATE INDEX \`_front_page_v_blocks_channel_block_channel_idx\` ON \`_front_page_v_blocks_channel_block\` (\`channel_id\`);`)
  await db.run(sql`CREATE TABLE \`_front_page_v_blocks_column_block\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`_path\` text NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`column_id\` integer,
  	\`count\` numeric DEFAULT 3,
  	\`_uuid\` text,
  	\`block_name\` text,
  	FOREIGN KEY (\`column_id\`) REFERENCES \`columns\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_front_page_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_front_page_v_blocks_column_block_order_idx\` ON \`_front_page_v_blocks_column_block\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_front_page_v_blocks_column_block_parent_id_idx\` ON \`_front_page_v_blocks_column_block\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_front_page_v_blocks_column_block_path_idx\` ON \`_front_page_v_blocks_column_block\` (\`_path\`);`)
  await db.run(sql`CREATE INDEX \`_front_page_v_blocks_column_block_column_idx\` ON \`_front_page_v_blocks_column_block\` (\`column_id\`);`)
  await db.run(sql`CREATE TABLE \`_front_page_v_blocks_most_read_block\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`_path\` text NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_uuid\` text,
  	\`block_name\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_front_page_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_front_page_v_blocks_most_read_block_order_idx\` ON \`_front_page_v_blocks_most_read_block\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_front_page_v_blocks_most_read_block_parent_id_idx\` ON \`_front_page_v_blocks_most_read_block\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_front_page_v_blocks_most_read_block_path_idx\` ON \`_front_page_v_blocks_most_read_block\` (\`_path\`);`)
  await db.run(sql`CREATE TABLE \`_front_page_v_blocks_topics_block_topics\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`tag_id\` integer,
  	\`title\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`tag_id\`) REFERENCES \`tags\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_front_page_v_blocks_topics_block\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_front_page_v_blocks_topics_block_topics_order_idx\` ON \`_front_page_v_blocks_topics_block_topics\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_front_page_v_blocks_topics_block_topics_parent_id_idx\` ON \`_front_page_v_blocks_topics_block_topics\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_front_page_v_blocks_topics_block_topics_tag_idx\` ON \`_front_page_v_blocks_topics_block_topics\` (\`tag_id\`);`)
  await db.run(sql`CREATE TABLE \`_front_page_v_blocks_topics_block\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`_path\` text NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text DEFAULT '专题',
  	\`_uuid\` text,
  	\`block_name\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_front_page_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_front_page_v_blocks_topics_block_order_idx\` ON \`_front_page_v_blocks_topics_block\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_front_page_v_blocks_topics_block_parent_id_idx\` ON \`_front_page_v_blocks_topics_block\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_front_page_v_blocks_topics_block_path_idx\` ON \`_front_page_v_blocks_topics_block\` (\`_path\`);`)
  await db.run(sql`CREATE TABLE \`_front_page_v_blocks_regions_block\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`_path\` text NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_uuid\` text,
  	\`block_name\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_front_page_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_front_page_v_blocks_regions_block_order_idx\` ON \`_front_page_v_blocks_regions_block\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_front_page_v_blocks_regions_block_parent_id_idx\` ON \`_front_page_v_blocks_regions_block\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_front_page_v_blocks_regions_block_path_idx\` ON \`_front_page_v_blocks_regions_block\` (\`_path\`);`)
  await db.run(sql`CREATE TABLE \`_front_page_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`version_lead_id\` integer,
  	\`version__status\` text DEFAULT 'draft',
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`version_lead_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_front_page_v_version_version_lead_idx\` ON \`_front_page_v\` (\`version_lead_id\`);`)
  await db.run(sql`CREATE INDEX \`_front_page_v_version_version__status_idx\` ON \`_front_page_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_front_page_v_created_at_idx\` ON \`_front_page_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_front_page_v_updated_at_idx\` ON \`_front_page_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_front_page_v_latest_idx\` ON \`_front_page_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_front_page_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`articles_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_front_page_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_front_page_v_rels_order_idx\` ON \`_front_page_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_front_page_v_rels_parent_idx\` ON \`_front_page_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_front_page_v_rels_path_idx\` ON \`_front_page_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_front_page_v_rels_articles_id_idx\` ON \`_front_page_v_rels\` (\`articles_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`channels_id\` integer REFERENCES channels(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`article_views_id\` integer REFERENCES article_views(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_channels_id_idx\` ON \`payload_locked_documents_rels\` (\`channels_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_article_views_id_idx\` ON \`payload_locked_documents_rels\` (\`article_views_id\`);`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`issue_numbering_reference_date\` text;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`issue_numbering_reference_number\` numeric;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`channels\`;`)
  await db.run(sql`DROP TABLE \`channels_rels\`;`)
  await db.run(sql`DROP TABLE \`article_views\`;`)
  await db.run(sql`DROP TABLE \`front_page_blocks_channel_block\`;`)
  await db.run(sql`DROP TABLE \`front_page_blocks_column_block\`;`)
  await db.run(sql`DROP TABLE \`front_page_blocks_most_read_block\`;`)
  await db.run(sql`DROP TABLE \`front_page_blocks_topics_block_topics\`;`)
  await db.run(sql`DROP TABLE \`front_page_blocks_topics_block\`;`)
  await db.run(sql`DROP TABLE \`front_page_blocks_regions_block\`;`)
  await db.run(sql`DROP TABLE \`front_page\`;`)
  await db.run(sql`DROP TABLE \`front_page_rels\`;`)
  await db.run(sql`DROP TABLE \`_front_page_v_blocks_channel_block\`;`)
  await db.run(sql`DROP TABLE \`_front_page_v_blocks_column_block\`;`)
  await db.run(sql`DROP TABLE \`_front_page_v_blocks_most_read_block\`;`)
  await db.run(sql`DROP TABLE \`_front_page_v_blocks_topics_block_topics\`;`)
  await db.run(sql`DROP TABLE \`_front_page_v_blocks_topics_block\`;`)
  await db.run(sql`DROP TABLE \`_front_page_v_blocks_regions_block\`;`)
  await db.run(sql`DROP TABLE \`_front_page_v\`;`)
  await db.run(sql`DROP TABLE \`_front_page_v_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
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
  	\`desks_id\` integer,
  	\`proofreading_terms_id\` integer,
  	\`proofreading_waivers_id\` integer,
  	\`page_imports_id\` integer,
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
  	FOREIGN KEY (\`desks_id\`) REFERENCES \`desks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`proofreading_terms_id\`) REFERENCES \`proofreading_terms\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`proofreading_waivers_id\`) REFERENCES \`proofreading_waivers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`page_imports_id\`) REFERENCES \`page_imports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "articles_id", "columns_id", "installments_id", "bylines_id", "photos_id", "tags_id", "regions_id", "editorial_comments_id", "workflow_events_id", "desks_id", "proofreading_terms_id", "proofreading_waivers_id", "page_imports_id", "users_id") SELECT "id", "order", "parent_id", "path", "articles_id", "columns_id", "installments_id", "bylines_id", "photos_id", "tags_id", "regions_id", "editorial_comments_id", "workflow_events_id", "desks_id", "proofreading_terms_id", "proofreading_waivers_id", "page_imports_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_desks_id_idx\` ON \`payload_locked_documents_rels\` (\`desks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_proofreading_terms_id_idx\` ON \`payload_locked_documents_rels\` (\`proofreading_terms_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_proofreading_waivers_id_idx\` ON \`payload_locked_documents_rels\` (\`proofreading_waivers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_page_imports_id_idx\` ON \`payload_locked_documents_rels\` (\`page_imports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`issue_numbering_reference_date\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`issue_numbering_reference_number\`;`)
}
