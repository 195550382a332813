import type { Payload } from 'payload'

import type { Article } from '@payload-types'
import { type DocumentId, relationId } from '@/data/relationId'
import type { ArticlePlacement } from './cacheTags'
import { channelNeighbourSlugs, channelTakes, findChannelRules } from './channelRules'
import { columnRunningOrder, type InstallmentRow, neighboursIn } from './publicRows'

/** What an article row holds that decides which reader pages show it: ids, not slugs. */
export type ArticleFiling = Partial<Pick<Article, 'slug' | 'desk' | 'column' | 'bylines' | 'tags' | 'regions' | 'publishedAt' | 'print'>>

type SluggedCollection = 'columns' | 'bylines' | 'tags' | 'regions'
type SlugRow = { id: DocumentId; slug?: string | null; parent?: unknown }

/** Regions nest a handful of levels deep (province, city, district, town); the bound guards against a cycle. */
const MAX_REGION_DEPTH = 10

const idsOf = (values: readonly unknown[]) => [
  ...new Map(
    values
      .map(relationId)
      .filter((id) => id != null)
      .map((id) => [String(id), id!]),
  ).values(),
]

/** One query per collection, slugs only: runs after the change has committed, outside its transaction. */
async function slugRows(payload: Payload, collection: SluggedCollection, ids: readonly DocumentId[]): Promise<SlugRow[]> {
  if (ids.length === 0) return []
  const { docs } = await payload.find({
    collection,
    where: { id: { in: ids } },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    select: collection === 'regions' ? { slug: true, parent: true } : { slug: true },
  })
  return docs as SlugRow[]
}

/** The regions and every region above them, a level per query. */
async function regionSlugsWithAncestors(payload: Payload, ids: readonly DocumentId[]): Promise<Map<string, { slug: string | null; parent: DocumentId | null }>> {
  const found = new Map<string, { slug: string | null; parent: DocumentId | null }>()
  let level = ids
  for (let depth = 0; level.length > 0 && depth < MAX_REGION_DEPTH; depth += 1) {
    const rows = await slugRows(payload, 'regions', level)
    for (const row of rows) found.set(String(row.id), { slug: row.slug ?? null, parent: relationId(row.parent) })
    level = idsOf(rows.map((row) => row.parent)).filter((id) => !found.has(String(id)))
  }
  return found
}

/** The region and every region above it, nearest first. */
function ancestry(regions: Map<string, { slug: string | null; parent: DocumentId | null }>, id: DocumentId): DocumentId[] {
  const found: DocumentId[] = []
  const seen = new Set<string>()
  for (let current: DocumentId | null = id; current != null && !seen.has(String(current)); current = regions.get(String(current))?.parent ?? null) {
    seen.add(String(current))
    found.push(current)
  }
  return found
}

/**
 * The installments either side of an article in its column's running order as it is now. Where
 * the article was before a change needs no lookup: the pages beside its old place carry its
 * own tag (src/reader/data/articles.ts, installmentNeighbours).
 */
function neighbourSlugs(order: readonly InstallmentRow[] | undefined, article: ArticleFiling): string[] {
  const self = order?.find((row) => row.slug === article.slug)
  if (!order || !self) return []
  const { previous, next } = neighboursIn(order, self.id)
  return [previous?.slug, next?.slug].filter((slug): slug is string => Boolean(slug))
}

/**
 * Where the reader site shows these articles (each as it was before a change, and as it is
 * after): their column, bylines, tags, regions with their ancestors and channels, by slug, and
 * the installments and channel articles beside them. A document deleted meanwhile has no page left to refresh and is
 * skipped.
 */
export async function placementsOf(payload: Payload, articles: readonly ArticleFiling[]): Promise<ArticlePlacement[]> {
  const all = <T>(pick: (article: ArticleFiling) => readonly T[]) => articles.flatMap(pick)
  const columnIds = idsOf(all((article) => [article.column]))
  const [columns, bylines, tags, regions, runningOrders, channels] = await Promise.all([
    slugRows(payload, 'columns', columnIds),
    slugRows(payload, 'bylines', idsOf(all((article) => (article.bylines ?? []).map((credit) => credit.byline)))),
    slugRows(payload, 'tags', idsOf(all((article) => article.tags ?? []))),
    regionSlugsWithAncestors(payload, idsOf(all((article) => article.regions ?? []))),
    Promise.all(columnIds.map(async (id) => [String(id), await columnRunningOrder(payload, id)] as const)).then((orders) => new Map(orders)),
    findChannelRules(payload),
  ])
  const slugMap = (rows: SlugRow[]) => new Map(rows.map((row) => [String(row.id), row.slug ?? null]))
  const [columnSlugs, bylineSlugs, tagSlugs] = [slugMap(columns), slugMap(bylines), slugMap(tags)]
  const slugsFor = (values: readonly unknown[], slugs: Map<string, string | null>) =>
    idsOf(values)
      .map((id) => slugs.get(String(id)))
      .filter((slug): slug is string => Boolean(slug))
  const regionSlug = (id: DocumentId) => regions.get(String(id))?.slug
  return Promise.all(
    articles.map(async (article) => {
      const regionsWithAncestors = idsOf(article.regions ?? []).flatMap((id) => ancestry(regions, id))
      const filing = { desk: relationId(article.desk), column: relationId(article.column), tags: idsOf(article.tags ?? []), regionsWithAncestors }
      const takenBy = channels.filter((rules) => channelTakes(rules, filing))
      return {
        slug: article.slug,
        columnSlugs: slugsFor([article.column], columnSlugs),
        bylineSlugs: slugsFor(
          (article.bylines ?? []).map((credit) => credit.byline),
          bylineSlugs,
        ),
        tagSlugs: slugsFor(article.tags ?? [], tagSlugs),
        regionSlugs: regionsWithAncestors.map(regionSlug).filter((slug): slug is string => Boolean(slug)),
        channelSlugs: takenBy.map((rules) => rules.slug),
        neighbourSlugs: [...neighbourSlugs(runningOrders.get(String(relationId(article.column))), article), ...(await channelNeighbourSlugs(payload, takenBy, article))],
        publishedAt: article.publishedAt,
        editionDate: article.print?.editionDate,
      }
    }),
  )
}
