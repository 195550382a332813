import { REVIEW_LEVELS, type ReviewLevel } from '@/newsroom/reviewChain'
import { signIn, type SignerTokens } from '../site/editors'
import { type ArticleLedger, type Content, contentFor, contentOf, saveBody } from './content'
import { acknowledged, fetchWithin, type Tally, tallied } from './tally'

type Id = number | string
export type EditorAccount = { email: string; password: string }

/**
 * Payload keeps 50 versions per article (collections/Articles: versions.maxPerDoc) and deletes
 * the oldest beyond that: a session starts on an article only if it cannot push an acknowledged
 * save out of the history the soak checks at the end.
 */
const VERSIONS_KEPT = 50
/** Every so many typing sessions an editor starts a new article (which goes through the whole workflow). */
const CREATE_EVERY = 8
/** Every so many sessions on an article the editor follows its save by hand with a public step. */
const PUBLISH_EVERY = 3
/** The admin's autosave interval (collections/Articles: versions.drafts.autosave.interval). */
export const AUTOSAVE_INTERVAL_MS = 3_000
/** Autosaves in one typing session, before the editor saves by hand. */
const AUTOSAVES_PER_SESSION = { least: 2, most: 5 }
/**
 * The most versions one session writes: each autosave counted as one (Payload rewrites a run's
 * autosave version in place, so it is fewer), the save by hand, and the longest public step:
 * submit, a signature per review level, publish.
 */
const MOST_VERSIONS_PER_SESSION = AUTOSAVES_PER_SESSION.most + 1 + 1 + REVIEW_LEVELS.length + 1
/** Versions in an article's history: the dataset's original (a soak-created article's creation is an acknowledged save), its saves, and the versions workflow steps wrote. */
const versionsOf = (article: ArticleLedger) => (article.createdBySoak ? 0 : 1) + article.acknowledged.length + article.workflowVersions

export type Editor = { index: number; base: string; readerBase: string; token: string; articles: ArticleLedger[] }
/** A public change the server acknowledged: `pages` besides the article's own may list it; `isNew` when it was just published for the first time. */
export type PublicChange = { article: ArticleLedger; title: string; acknowledgedAt: number; isNew: boolean }
/** The page cache before and after a draft save or autosave of a published article, with no public change in between. */
export type DraftCacheSample = { kind: 'autosave' | 'draft save'; path: string; before: string; after: string }

/** The editor's hooks into the rest of the soak: public changes to follow, draft saves to sample the cache around. */
export type EditorWatch = {
  onPublicChange: (change: PublicChange) => void
  onDraftCacheSample: (sample: DraftCacheSample) => void
  /** Counts public requests sent and answered across all editors, so a cache sample can tell whether one overlapped it. */
  publicActivity: { started: number; settled: number }
}

const pathOf = (slug: string) => `/articles/${encodeURIComponent(slug)}`
type Populated = { slug?: string | null } | number | string | null | undefined
const slugOf = (value: Populated) => (value && typeof value === 'object' ? value.slug : null)

/** Signs the editor in and reads the published articles it will work on, as the dataset wrote them. */
export async function prepareEditor(base: string, readerBase: string, index: number, account: EditorAccount, articles: { id: Id; path: string }[]): Promise<Editor> {
  const token = await signIn(base, account)
  const ledgers: ArticleLedger[] = []
  for (const { id, path } of articles) {
    const response = await fetch(`${base}/api/articles/${id}?depth=1`, { headers: { Authorization: `JWT ${token}` } })
    if (!response.ok) throw new Error(`编辑 ${index} 读取稿件 ${id} 失败：HTTP ${response.status}`)
    const doc = await response.json()
    const original = contentOf(doc)
    const column = slugOf(doc.column)
    const bylines = ((doc.bylines ?? []) as { byline?: Populated }[]).map((entry) => slugOf(entry.byline)).filter((slug): slug is string => Boolean(slug))
    const listedOn = [...(column ? [`/columns/${column}`] : []), ...bylines.map((slug) => `/bylines/${slug}`)]
    ledgers.push({ id, slug: decodeURIComponent(path.replace('/articles/', '')), editor: index, createdBySoak: false, state: 'published', latest: original, published: original, publishedAt: null, acknowledged: [], autosaved: [], workflowVersions: 0, listedOn, unsettled: null, updatedAt: doc.updatedAt })
  }
  return { index, base, readerBase, token, articles: ledgers }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * One editor until `deadline`, as a person in the admin works: typing sessions on its own
 * articles, each autosaving every 3 s and ending in a save by hand, now and then a public
 * step after that save (a published article's change signed again at 终审 and published, or a
 * draft submitted, signed at every level of the 三审 chain and published, each signature by
 * that level's signer), and now and then a new article. The ledger records what the server
 * acknowledged.
 */
export async function runEditor(editor: Editor, options: { deadline: number; tally: Tally; watch: EditorWatch; random: () => number; signers: SignerTokens }): Promise<void> {
  const { base, token, articles } = editor
  const { watch, random, signers } = options
  /** A request as the editor, or `by` the signer whose token is given. */
  const send = (kind: string, method: string, path: string, body?: string, by = token) =>
    tallied(options.tally, `editor ${kind}`, `${base}${path}`, { method, headers: { Authorization: `JWT ${by}`, 'Content-Type': 'application/json' }, body }, (status) => status >= 200 && status < 300)
  const noPublicChangeSince = (mark: number) => watch.publicActivity.started === mark && watch.publicActivity.settled === mark
  const cacheStatus = async (path: string) => {
    const answer = await fetchWithin(`${editor.readerBase}${path}`).catch(() => null)
    return answer?.response.headers.get('x-cache') ?? answer?.response.headers.get('x-nextjs-cache') ?? '—'
  }
  const publicStep = async <T>(step: () => Promise<T>) => {
    watch.publicActivity.started += 1
    try {
      return await step()
    } finally {
      watch.publicActivity.settled += 1
    }
  }
  const announce = (article: ArticleLedger, isNew: boolean) => {
    article.published = article.latest
    article.publishedAt = performance.now()
    watch.onPublicChange({ article, title: article.latest.title, acknowledgedAt: article.publishedAt, isNew })
  }

  /** A draft save or autosave; on a published article, the page cache is read just before and after it. */
  const saveDraft = async (article: ArticleLedger, content: Content, autosave: boolean) => {
    const kind = autosave ? 'autosave' : 'draft save'
    const path = pathOf(article.slug)
    const mark = watch.publicActivity.started
    const sampled = article.state === 'published' && watch.publicActivity.settled === mark
    const before = sampled ? await cacheStatus(path) : null
    const query = autosave ? '?autosave=true&depth=0&draft=true&fallback-locale=null' : '?depth=0&draft=true'
    const { outcome, body } = await send(kind, 'PATCH', `/api/articles/${article.id}${query}`, saveBody(content, { updatedAt: article.updatedAt }))
    if (!acknowledged(outcome)) return void (article.unsettled = content)
    article.updatedAt = (JSON.parse(body) as { doc: { updatedAt: string } }).doc.updatedAt
    article.latest = content
    if (autosave) article.autosaved.push(content.marker)
    else article.acknowledged.push(content.marker)
    if (before === 'HIT' && noPublicChangeSince(mark)) {
      const after = await cacheStatus(path)
      if (noPublicChangeSince(mark)) watch.onDraftCacheSample({ kind, path, before, after })
    }
  }

  /**
   * A write that carries no new content (a workflow step, publishing the saved change) but still
   * writes a version. Without a 2xx, whether it happened is not known (or it was refused): the
   * article is left alone from then on, its last save still acknowledged.
   */
  const contentlessStep = async (article: ArticleLedger, kind: string, method: string, path: string, body: Record<string, unknown>, by = token): Promise<boolean> => {
    const { outcome, body: answer } = await send(kind, method, path, JSON.stringify(body), by)
    if (!acknowledged(outcome)) {
      article.unsettled = article.latest
      return false
    }
    // A REST save answers `{ doc }`; the workflow endpoint the article's state and `updatedAt`.
    const answered = JSON.parse(answer) as { doc: { updatedAt: string } } | { updatedAt: string }
    article.updatedAt = 'doc' in answered ? answered.doc.updatedAt : answered.updatedAt
    article.workflowVersions += 1
    return true
  }
  const workflowStep = (article: ArticleLedger, step: { action: 'submit' | 'publish' } | { action: 'sign'; level: ReviewLevel }) =>
    contentlessStep(article, `workflow ${step.action}${'level' in step ? ` ${step.level}` : ''}`, 'POST', `/api/articles/${article.id}/workflow`, step, 'level' in step ? signers[step.level] : token)

  /** The change just saved as a draft goes public once the 终审 has signed it again. */
  const publishChanges = async (article: ArticleLedger) =>
    publicStep(async () => {
      if (!(await workflowStep(article, { action: 'sign', level: 'final' }))) return
      // The saved draft, as signed: publishing sends no content, only the version it is based on.
      if (!(await contentlessStep(article, 'publish changes', 'PATCH', `/api/articles/${article.id}?depth=0`, { _status: 'published', updatedAt: article.updatedAt }))) return
      announce(article, false)
    })

  const publishThroughWorkflow = async (article: ArticleLedger) =>
    publicStep(async () => {
      const steps = [{ action: 'submit' } as const, ...REVIEW_LEVELS.map((level) => ({ action: 'sign', level }) as const), { action: 'publish' } as const]
      for (const step of steps) if (!(await workflowStep(article, step))) return
      const isNew = article.state === 'draft'
      article.state = 'published'
      announce(article, isNew)
    })

  const create = async (content: Content) => {
    const { outcome, body } = await send('create', 'POST', '/api/articles?draft=true&depth=0', saveBody(content))
    if (!acknowledged(outcome)) return
    const { doc } = JSON.parse(body) as { doc: { id: Id; slug: string; updatedAt: string } }
    articles.push({ id: doc.id, slug: doc.slug, editor: editor.index, createdBySoak: true, state: 'draft', latest: content, published: null, publishedAt: null, acknowledged: [content.marker], autosaved: [], workflowVersions: 0, listedOn: [], unsettled: null, updatedAt: doc.updatedAt })
  }

  /** Typing: an autosave every AUTOSAVE_INTERVAL_MS, then a save by hand, now and then followed by a public step. */
  const session = async (article: ArticleLedger, sessionNumber: number) => {
    const autosaves = AUTOSAVES_PER_SESSION.least + Math.floor(random() * (AUTOSAVES_PER_SESSION.most - AUTOSAVES_PER_SESSION.least + 1))
    for (let n = 0; n < autosaves && performance.now() < options.deadline; n += 1) {
      const started = performance.now()
      await saveDraft(article, contentFor(editor.index, nextMarker()), true)
      if (article.unsettled) return
      await sleep(Math.max(0, AUTOSAVE_INTERVAL_MS - (performance.now() - started)))
    }
    // The autosave version the run ended in stays in the history; the save by hand starts a new one.
    const lastAutosave = article.autosaved.at(-1)
    if (lastAutosave && !article.acknowledged.includes(lastAutosave)) article.acknowledged.push(lastAutosave)
    await saveDraft(article, contentFor(editor.index, nextMarker()), false)
    // What goes public is a saved draft: the text the review chain signs.
    if (sessionNumber % PUBLISH_EVERY !== PUBLISH_EVERY - 1 || article.unsettled) return
    if (article.state === 'published') await publishChanges(article)
    else await publishThroughWorkflow(article)
  }

  let marker = 0
  const nextMarker = () => (marker += 1)
  const sessions = new Map<ArticleLedger, number>()
  let turn = 0
  for (let action = 1; performance.now() < options.deadline; action += 1) {
    const open = articles.filter((article) => !article.unsettled && versionsOf(article) + MOST_VERSIONS_PER_SESSION <= VERSIONS_KEPT)
    if (open.length === 0 || action % CREATE_EVERY === 0) {
      await create(contentFor(editor.index, nextMarker()))
      continue
    }
    const article = open[turn++ % open.length]
    const number = sessions.get(article) ?? 0
    sessions.set(article, number + 1)
    await session(article, number)
  }
}
