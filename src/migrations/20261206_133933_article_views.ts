import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
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
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`article_views_id\` integer REFERENCES article_views(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_article_views_id_idx\` ON \`payload_locked_documents_rels\` (\`article_views_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`article_views\`;`)
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
}
