import type { Payload, PayloadRequest } from 'payload'

import { shanghaiDayRange } from '@/newsroom/dates'
import { normalizeText } from '@/search/tokens'
import type { WorkflowState } from '@/newsroom/workflow'
import type { ArticleOrigin, ExistingArticle, MatchRule } from './decisions'
import type { PageParse } from './types'
import type { DocumentId } from '@/data/relationId'

type Id = DocumentId
type Candidate = { id: Id; title: string; workflowState?: string | null; _status?: string | null; sourceKey?: string | null; publishedAt?: string | null; print?: { editionDate?: string | null } | null }

/** The source key of the article at `index` of the page whose text hashes to `pageKey`. */
export const articleSourceKey = (pageKey: string, index: number) => `import:${pageKey}:${index}`

/**
 * A headline as matching sees it: full-width and half-width forms folded (NFKC), punctuation,
 * quotes and spaces dropped, so `宁远县:"三管齐下",构建` and `宁远县：“三管齐下”，构建` are one headline.
 */
export const headlineKey = (title: string): string => normalizeText(title).replace(/[^\p{L}\p{N}]/gu, '')

const originOf = (sourceKey: string | null | undefined): ArticleOrigin => (sourceKey?.startsWith('import:') ? 'import' : sourceKey?.startsWith('seed:') ? 'seed' : 'admin')

function existing(doc: Candidate, rule: MatchRule): ExistingArticle {
  const state = (doc.workflowState ?? 'draft') as WorkflowState
  return { id: doc.id, title: doc.title, state, onSite: state === 'published' || state === 'retracted' || doc._status === 'published', origin: originOf(doc.sourceKey), rule }
}

const within = (value: string | null | undefined, range: { start: string; end: string }) => Boolean(value) && value! >= range.start && value! < range.end
const SELECT = { title: true, workflowState: true, _status: true, sourceKey: true, publishedAt: true, print: true } as const

/**
 * For each article of the page, the article already in the database it would duplicate, or
 * null. Rules, in order: the same source key (this page's text imported before), then the same
 * headline (normalised) with the same 见报日期, then the same headline published that Beijing
 * day. Among several, one on the site is named first: that is the copy not to duplicate. Plain
 * Local API queries, the same on SQLite and MongoDB; headlines are compared here, not in the query.
 */
export async function findExistingArticles(payload: Payload, req: PayloadRequest | undefined, pageKey: string, parse: PageParse, date: string | null): Promise<(ExistingArticle | null)[]> {
  const common = { collection: 'articles', draft: true, depth: 0, pagination: false, overrideAccess: true, req, select: SELECT } as const
  const imported = await payload.find({ ...common, where: { sourceKey: { like: `import:${pageKey}:` } }, limit: 0 })
  const bySourceKey = new Map((imported.docs as Candidate[]).map((doc) => [doc.sourceKey, doc]))
  const claimed = new Set<string>()
  const matches = parse.articles.map((_, index) => {
    const doc = bySourceKey.get(articleSourceKey(pageKey, index))
    if (!doc) return null
    claimed.add(String(doc.id))
    return existing(doc, 'sourceKey')
  })
  if (!date) return matches

  const day = shanghaiDayRange(date)
  const sameDay = await payload.find({
    ...common,
    where: { or: [{ 'print.editionDate': { greater_than_equal: day.start, less_than: day.end } }, { publishedAt: { greater_than_equal: day.start, less_than: day.end } }] },
    limit: 1000,
    sort: '-updatedAt',
  })
  const byHeadline = new Map<string, Candidate[]>()
  for (const doc of sameDay.docs as Candidate[]) {
    if (claimed.has(String(doc.id)) || doc.sourceKey?.startsWith(`import:${pageKey}:`)) continue
    const key = headlineKey(doc.title ?? '')
    byHeadline.set(key, [...(byHeadline.get(key) ?? []), doc])
  }
  return matches.map((match, index) => {
    if (match) return match
    const candidates = (byHeadline.get(headlineKey(parse.articles[index].title)) ?? []).filter((doc) => !claimed.has(String(doc.id)))
    if (candidates.length === 0) return null
    const found = candidates.map((doc) => existing(doc, within(doc.print?.editionDate, day) ? 'titleAndEditionDate' : 'titleAndPublishedDate'))
    const chosen = found.find((candidate) => candidate.onSite) ?? found[0]
    claimed.add(String(chosen.id))
    return chosen
  })
}
