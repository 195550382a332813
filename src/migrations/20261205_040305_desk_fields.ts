import { MigrateUpArgs, MigrateDownArgs, sql } from "@payloadcms/db-sqlite";

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`web_title\` text;`);
  await db.run(sql`ALTER TABLE \`articles\` ADD \`character_count\` numeric;`);
  await db.run(
    sql`ALTER TABLE \`_articles_v\` ADD \`version_web_title\` text;`,
  );
  await db.run(
    sql`ALTER TABLE \`_articles_v\` ADD \`version_character_count\` numeric;`,
  );
  await db.run(sql`ALTER TABLE \`bylines\` ADD \`status\` text;`);
  await db.run(
    sql`ALTER TABLE \`bylines\` ADD \`proposed_by_id\` integer REFERENCES users(id);`,
  );
  await db.run(
    sql`CREATE INDEX \`bylines_status_idx\` ON \`bylines\` (\`status\`);`,
  );
  await db.run(
    sql`CREATE INDEX \`bylines_proposed_by_idx\` ON \`bylines\` (\`proposed_by_id\`);`,
  );
}

export async function down({
  db,
  payload,
  req,
}: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`);
  await db.run(sql`CREATE TABLE \`__new_bylines\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`pinyin\` text,
  	\`picker_title\` text,
  	\`slug\` text,
  	\`kind\` text DEFAULT 'unspecified' NOT NULL,
  	\`organisation\` text,
  	\`bio\` text,
  	\`avatar_id\` integer,
  	\`user_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`avatar_id\`) REFERENCES \`photos\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `);
  await db.run(
    sql`INSERT INTO \`__new_bylines\`("id", "name", "pinyin", "picker_title", "slug", "kind", "organisation", "bio", "avatar_id", "user_id", "updated_at", "created_at") SELECT "id", "name", "pinyin", "picker_title", "slug", "kind", "organisation", "bio", "avatar_id", "user_id", "updated_at", "created_at" FROM \`bylines\`;`,
  );
  await db.run(sql`DROP TABLE \`bylines\`;`);
  await db.run(sql`ALTER TABLE \`__new_bylines\` RENAME TO \`bylines\`;`);
  await db.run(sql`PRAGMA foreign_keys=ON;`);
  await db.run(
    sql`CREATE INDEX \`bylines_pinyin_idx\` ON \`bylines\` (\`pinyin\`);`,
  );
  await db.run(
    sql`CREATE UNIQUE INDEX \`bylines_slug_idx\` ON \`bylines\` (\`slug\`);`,
  );
  await db.run(
    sql`CREATE INDEX \`bylines_avatar_idx\` ON \`bylines\` (\`avatar_id\`);`,
  );
  await db.run(
    sql`CREATE INDEX \`bylines_user_idx\` ON \`bylines\` (\`user_id\`);`,
  );
  await db.run(
    sql`CREATE INDEX \`bylines_updated_at_idx\` ON \`bylines\` (\`updated_at\`);`,
  );
  await db.run(
    sql`CREATE INDEX \`bylines_created_at_idx\` ON \`bylines\` (\`created_at\`);`,
  );
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`web_title\`;`);
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`character_count\`;`);
  await db.run(
    sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_web_title\`;`,
  );
  await db.run(
    sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_character_count\`;`,
  );
}
