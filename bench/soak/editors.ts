import { signIn } from '../site/editors'
import { type ArticleLedger, type Content, contentFor, contentOf, saveBody } from './content'
import { type Outcome, type Tally, tallied } from './tally'

type Id = number | string
export type EditorAccount = { email: string; password: string }

/**
 * Below Payload's 50 versions kept per article (collections/Articles: versions.maxPerDoc), with
 * room for the creation and the three workflow steps, so every acknowledged save of an article
 * is still in its history when the soak checks it.
 */
const SAVES_PER_ARTICLE = 40
/** Every so many actions an editor starts a new article (which goes through the whole workflow). */
const CREATE_EVERY = 12
/** Every so many saves of an article the editor publishes it instead of saving a draft. */
const PUBLISH_EVERY = 4

const ok = (status: number) => status >= 200 && status < 300
const acknowledged = (outcome: Outcome) => outcome !== 'network' && ok(outcome)

export type Editor = { index: number; base: string; token: string; articles: ArticleLedger[] }

/** Signs the editor in and reads the published articles it will work on, as the dataset wrote them. */
export async function prepareEditor(base: string, index: number, account: EditorAccount, articles: { id: Id; path: string }[]): Promise<Editor> {
  const token = await signIn(base, account)
  const ledgers: ArticleLedger[] = []
  for (const { id, path } of articles) {
    const response = await fetch(`${base}/api/articles/${id}?depth=0`, { headers: { Authorization: `JWT ${token}` } })
    if (!response.ok) throw new Error(`编辑 ${index} 读取稿件 ${id} 失败：HTTP ${response.status}`)
    const doc = await response.json()
    const original = contentOf(doc)
    ledgers.push({ id, slug: decodeURIComponent(path.replace('/articles/', '')), editor: index, createdBySoak: false, state: 'published', latest: original, published: original, publishedAt: null, acknowledged: [], unsettled: null, updatedAt: doc.updatedAt })
  }
  return { index, base, token, articles: ledgers }
}

/**
 * One editor until `deadline`, one request at a time as a person in the admin makes them:
 * draft saves of its own articles, publishing changes to published ones, and new articles
 * taken through submit, approve and publish. The ledger records what the server acknowledged.
 */
export async function runEditor(editor: Editor, options: { deadline: number; tally: Tally }): Promise<void> {
  const { base, token, articles } = editor
  const headers = { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' }
  const send = (kind: string, method: string, path: string, body?: string) => tallied(options.tally, `editor ${kind}`, `${base}${path}`, { method, headers, body }, ok)

  const save = async (article: ArticleLedger, content: Content, publish: boolean) => {
    const { outcome, body } = await send(publish ? 'publish changes' : 'draft save', 'PATCH', `/api/articles/${article.id}?depth=0${publish ? '' : '&draft=true'}`, saveBody(content, { updatedAt: article.updatedAt, ...(publish ? { _status: 'published' } : {}) }))
    if (!acknowledged(outcome)) return void (article.unsettled = content)
    article.updatedAt = (JSON.parse(body) as { doc: { updatedAt: string } }).doc.updatedAt
    article.latest = content
    article.acknowledged.push(content.marker)
    if (!publish) return
    article.published = content
    article.publishedAt = performance.now()
  }

  const publishThroughWorkflow = async (article: ArticleLedger) => {
    for (const action of ['submit', 'approve', 'publish']) {
      const { outcome, body } = await send(`workflow ${action}`, 'POST', `/api/articles/${article.id}/workflow`, JSON.stringify({ action }))
      if (!acknowledged(outcome)) return void (article.unsettled = article.latest)
      article.updatedAt = (JSON.parse(body) as { updatedAt: string }).updatedAt
    }
    article.state = 'published'
    article.published = article.latest
    article.publishedAt = performance.now()
  }

  const create = async (content: Content) => {
    const { outcome, body } = await send('create', 'POST', '/api/articles?draft=true&depth=0', saveBody(content))
    if (!acknowledged(outcome)) return
    const { doc } = JSON.parse(body) as { doc: { id: Id; slug: string; updatedAt: string } }
    articles.push({ id: doc.id, slug: doc.slug, editor: editor.index, createdBySoak: true, state: 'draft', latest: content, published: null, publishedAt: null, acknowledged: [content.marker], unsettled: null, updatedAt: doc.updatedAt })
  }

  let turn = 0
  for (let action = 1; performance.now() < options.deadline; action += 1) {
    const content = contentFor(editor.index, action)
    const open = articles.filter((article) => !article.unsettled && article.acknowledged.length < SAVES_PER_ARTICLE)
    if (open.length === 0 || action % CREATE_EVERY === 0) {
      await create(content)
      continue
    }
    const article = open[turn++ % open.length]
    // Decided per article, so that every article gets published now and then whatever the rotation.
    if (article.acknowledged.length % PUBLISH_EVERY !== PUBLISH_EVERY - 1) await save(article, content, false)
    else if (article.state === 'published') await save(article, content, true)
    else await publishThroughWorkflow(article)
  }
}
