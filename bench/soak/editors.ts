import { signIn } from '../site/editors'
import { type ArticleLedger, type Content, contentFor, contentOf, saveBody } from './content'
import { acknowledged, fetchWithin, type Tally, tallied } from './tally'

type Id = number | string
export type EditorAccount = { email: string; password: string }

/**
 * Below Payload's 50 versions kept per article (collections/Articles: versions.maxPerDoc), with
 * room for the creation and the three workflow steps, so every acknowledged save of an article
 * is still in its history when the soak checks it.
 */
const VERSIONS_PER_ARTICLE = 40
/** Every so many typing sessions an editor starts a new article (which goes through the whole workflow). */
const CREATE_EVERY = 8
/** Every so many sessions on an article the editor ends with a public step instead of a draft save. */
const PUBLISH_EVERY = 3
/** The admin's autosave interval (collections/Articles: versions.drafts.autosave.interval). */
export const AUTOSAVE_INTERVAL_MS = 3_000
/** Autosaves in one typing session, before the editor saves by hand. */
const AUTOSAVES_PER_SESSION = { least: 2, most: 5 }

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
    ledgers.push({ id, slug: decodeURIComponent(path.replace('/articles/', '')), editor: index, createdBySoak: false, state: 'published', latest: original, published: original, publishedAt: null, acknowledged: [], autosaved: [], listedOn, unsettled: null, updatedAt: doc.updatedAt })
  }
  return { index, base, readerBase, token, articles: ledgers }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * One editor until `deadline`, as a person in the admin works: typing sessions on its own
 * articles, each autosaving every 3 s and ending in a save by hand, now and then a public
 * step instead (publishing the changes of a published article, or taking a draft through
 * submit, approve and publish), and now and then a new article. The ledger records what the
 * server acknowledged.
 */
export async function runEditor(editor: Editor, options: { deadline: number; tally: Tally; watch: EditorWatch; random: () => number }): Promise<void> {
  const { base, token, articles } = editor
  const { watch, random } = options
  const headers = { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' }
  const send = (kind: string, method: string, path: string, body?: string) => tallied(options.tally, `editor ${kind}`, `${base}${path}`, { method, headers, body }, (status) => status >= 200 && status < 300)
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

  const publishChanges = async (article: ArticleLedger, content: Content) =>
    publicStep(async () => {
      const { outcome, body } = await send('publish changes', 'PATCH', `/api/articles/${article.id}?depth=0`, saveBody(content, { updatedAt: article.updatedAt, _status: 'published' }))
      if (!acknowledged(outcome)) return void (article.unsettled = content)
      article.updatedAt = (JSON.parse(body) as { doc: { updatedAt: string } }).doc.updatedAt
      article.latest = content
      article.acknowledged.push(content.marker)
      announce(article, false)
    })

  const publishThroughWorkflow = async (article: ArticleLedger) =>
    publicStep(async () => {
      for (const action of ['submit', 'approve', 'publish']) {
        const { outcome, body } = await send(`workflow ${action}`, 'POST', `/api/articles/${article.id}/workflow`, JSON.stringify({ action }))
        if (!acknowledged(outcome)) return void (article.unsettled = article.latest)
        article.updatedAt = (JSON.parse(body) as { updatedAt: string }).updatedAt
      }
      const isNew = article.state === 'draft'
      article.state = 'published'
      announce(article, isNew)
    })

  const create = async (content: Content) => {
    const { outcome, body } = await send('create', 'POST', '/api/articles?draft=true&depth=0', saveBody(content))
    if (!acknowledged(outcome)) return
    const { doc } = JSON.parse(body) as { doc: { id: Id; slug: string; updatedAt: string } }
    articles.push({ id: doc.id, slug: doc.slug, editor: editor.index, createdBySoak: true, state: 'draft', latest: content, published: null, publishedAt: null, acknowledged: [content.marker], autosaved: [], listedOn: [], unsettled: null, updatedAt: doc.updatedAt })
  }

  /** Typing: an autosave every AUTOSAVE_INTERVAL_MS, then a save by hand or a public step. */
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
    const content = contentFor(editor.index, nextMarker())
    if (sessionNumber % PUBLISH_EVERY !== PUBLISH_EVERY - 1) return saveDraft(article, content, false)
    if (article.state === 'published') return publishChanges(article, content)
    await saveDraft(article, content, false)
    if (!article.unsettled) await publishThroughWorkflow(article)
  }

  let marker = 0
  const nextMarker = () => (marker += 1)
  const sessions = new Map<ArticleLedger, number>()
  let turn = 0
  for (let action = 1; performance.now() < options.deadline; action += 1) {
    const open = articles.filter((article) => !article.unsettled && article.acknowledged.length + AUTOSAVES_PER_SESSION.most < VERSIONS_PER_ARTICLE)
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
