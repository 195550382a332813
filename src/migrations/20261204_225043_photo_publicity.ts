import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

import { photosOfArticle, usedPhotosKey } from '@/publishing/photoPublicity'

type ArticleRow = { id: number; lead_photo_id: number | null; seo_image_id: number | null; body: string | null }
type GalleryRow = { parent_id: number; photos_id: number }

const parsedBody = (body: string | null) => {
  try {
    return body ? JSON.parse(body) : null
  } catch {
    return null
  }
}

// Photos were public to everyone before this migration; from now on only those something public
// shows are. The backfill derives both values as the hooks do (src/publishing/photoPublicity.ts):
// each article's photos from its stored row, then publicUse from the published, unretracted
// articles and the columns. Versions keep no value: every save computes it afresh from its data.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`used_photos\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_used_photos\` text;`)
  await db.run(sql`ALTER TABLE \`photos\` ADD \`public_use\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`photos_public_use_idx\` ON \`photos\` (\`public_use\`);`)

  const articles = await db.all<ArticleRow>(sql`SELECT \`id\`, \`lead_photo_id\`, \`seo_image_id\`, \`body\` FROM \`articles\`;`)
  const gallery = await db.all<GalleryRow>(
    sql`SELECT \`parent_id\`, \`photos_id\` FROM \`articles_rels\` WHERE \`path\` = 'photos' AND \`photos_id\` IS NOT NULL ORDER BY \`order\`;`,
  )
  for (const row of articles) {
    const photos = gallery.filter((entry) => entry.parent_id === row.id).map((entry) => entry.photos_id)
    const used = usedPhotosKey(photosOfArticle({ leadPhoto: row.lead_photo_id, seo: { image: row.seo_image_id }, photos, body: parsedBody(row.body) }))
    if (used) await db.run(sql`UPDATE \`articles\` SET \`used_photos\` = ${used} WHERE \`id\` = ${row.id};`)
  }
  await db.run(sql`UPDATE \`photos\` SET \`public_use\` = (
    EXISTS (SELECT 1 FROM \`columns\` WHERE \`columns\`.\`logo_id\` = \`photos\`.\`id\`)
    OR EXISTS (
      SELECT 1 FROM \`articles\`
      WHERE \`articles\`.\`_status\` = 'published' AND coalesce(\`articles\`.\`workflow_state\`, 'draft') <> 'retracted'
        AND \`articles\`.\`used_photos\` LIKE '%,' || \`photos\`.\`id\` || ',%'
    )
  );`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`photos_public_use_idx\`;`)
  await db.run(sql`ALTER TABLE \`photos\` DROP COLUMN \`public_use\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`used_photos\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_used_photos\`;`)
}
