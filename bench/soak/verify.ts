import { type ArticleLedger, type Content, contentFor, contentOf, fieldsDiffering } from './content'

export type Problem = { article: number | string; editor: number; check: 'latest' | 'published' | 'history' | 'reader' | 'publish once'; verdict: 'lost' | 'corrupted' | 'stale page' | 'draft shown' | 'unreadable' | 'published twice'; detail: string }
export type Verification = {
  articles: number
  savesAcknowledged: number
  /** Acknowledged saves found in the article's version history, holding exactly what was sent. */
  savesVerified: number
  lostSaves: number
  corruptedSaves: number
  publishedChecked: number
  readerPagesChecked: number
  readerProblems: number
  /** Articles left alone after a request without a definite answer (already counted as failed requests). */
  unsettled: number
  /** Of those saves, how many the server carried out all the same (found in the version history). */
  unsettledApplied: number
  /** Articles the soak took through the workflow, each checked for exactly one publish event in its history (two instances must not both publish). */
  publishOnceChecked: number
  publishedTwice: number
  problems: Problem[]
}

/** How long a published change may take to reach its reader page (the cache tags expire at once; this is slack for a busy machine). */
const READER_WAIT_MS = 15_000
const VERIFY_IN_FLIGHT = 4

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" }
const decode = (html: string) => html.replace(/&(amp|lt|gt|quot|apos|#39|#x27);/g, (_, name: string) => ENTITIES[name])

/** The content a marker's save wrote, rebuilt from the marker itself. */
function contentOfMarker(marker: string): Content {
  const [, editor, n] = /soak-e(\d+)-(\d+)/.exec(marker)!
  return contentFor(Number(editor), Number(n))
}

/** Whether the reader page shows `content` as its headline, standfirst and body. */
function pageShows(html: string, content: Content): boolean {
  const text = decode(html)
  const headline = /<h1 class="article__title">([\s\S]*?)<\/h1>/.exec(text)?.[1]
  const standfirst = /<p class="standfirst">([\s\S]*?)<\/p>/.exec(text)?.[1] ?? ''
  return headline === content.title && standfirst === content.summary && content.body.every((paragraph) => text.includes(paragraph))
}

/**
 * Reads every article an editor touched back as staff and checks it against the ledger: the
 * latest version holds exactly the last acknowledged save; the published version the last
 * acknowledged publication; the version history every acknowledged save, in order, each
 * exactly as sent, and nothing else; the reader page the published version, and no page for
 * an article never published.
 */
export async function verifySaves(base: string, token: string, ledgers: ArticleLedger[]): Promise<Verification> {
  const headers = { Authorization: `JWT ${token}` }
  const result: Verification = { articles: ledgers.length, savesAcknowledged: 0, savesVerified: 0, lostSaves: 0, corruptedSaves: 0, publishedChecked: 0, readerPagesChecked: 0, readerProblems: 0, unsettled: 0, unsettledApplied: 0, publishOnceChecked: 0, publishedTwice: 0, problems: [] }
  const problem = (article: ArticleLedger, check: Problem['check'], verdict: Problem['verdict'], detail: string) => {
    result.problems.push({ article: article.id, editor: article.editor, check, verdict, detail })
    if (verdict === 'lost') result.lostSaves += 1
    else if (verdict === 'corrupted' || verdict === 'unreadable') result.corruptedSaves += 1
    else if (verdict === 'published twice') result.publishedTwice += 1
    else result.readerProblems += 1
  }
  const api = async (path: string) => {
    const response = await fetch(`${base}${path}`, { headers })
    if (!response.ok) throw new Error(`${path}：HTTP ${response.status}`)
    return response.json()
  }

  // A stored state that an earlier acknowledged save of the same article wrote is a lost save; anything else is corruption.
  const compare = (article: ArticleLedger, check: 'latest' | 'published', actual: Content, expected: Content, earlier: string[]) => {
    const fields = fieldsDiffering(actual, expected)
    if (fields.length === 0) return
    const older = earlier.includes(actual.marker) && fieldsDiffering(actual, actual.marker === 'original' ? actual : contentOfMarker(actual.marker)).length === 0
    problem(article, check, older ? 'lost' : 'corrupted', `应为 ${expected.marker}，实为 ${actual.marker}（不同的字段：${fields.join('、')}）`)
  }

  const verifyOne = async (article: ArticleLedger) => {
    result.savesAcknowledged += article.acknowledged.length
    // A save without a definite answer may or may not be there; it is the last one made to the article.
    const maybe = article.unsettled?.marker
    if (maybe) result.unsettled += 1
    const latest = contentOf(await api(`/api/articles/${article.id}?draft=true&depth=0`))
    if (!article.unsettled || fieldsDiffering(latest, article.unsettled).length) compare(article, 'latest', latest, article.latest, ['original', ...article.acknowledged.slice(0, -1)])

    const { docs } = (await api(`/api/articles/versions?where[parent][equals]=${article.id}&sort=-updatedAt&limit=100&depth=0`)) as { docs: { version: Parameters<typeof contentOf>[0] }[] }
    const history = docs.reverse().map((doc) => contentOf(doc.version)).filter((content, index, all) => content.marker !== 'original' && content.marker !== all[index - 1]?.marker)
    const found = new Set(history.map((content) => content.marker))
    if (maybe && found.has(maybe) && !article.acknowledged.includes(maybe)) result.unsettledApplied += 1
    for (const marker of article.acknowledged) if (!found.has(marker)) problem(article, 'history', 'lost', `确认过的保存 ${marker} 不在版本记录中`)
    for (const content of history) {
      const differing = fieldsDiffering(content, contentOfMarker(content.marker))
      // Any acknowledged autosave may be the one its run's version holds when a later request of the run got no answer.
      const known = article.acknowledged.includes(content.marker) || article.autosaved.includes(content.marker)
      if (!known && content.marker !== maybe) problem(article, 'history', 'corrupted', `版本记录中有未经确认的 ${content.marker}`)
      else if (differing.length) problem(article, 'history', 'corrupted', `${content.marker} 的版本与提交的内容不符（${differing.join('、')}）`)
      else if (article.acknowledged.includes(content.marker)) result.savesVerified += 1
    }
    const order = history.map((content) => content.marker).filter((marker) => article.acknowledged.includes(marker))
    if (order.join() !== article.acknowledged.filter((marker) => found.has(marker)).join()) problem(article, 'history', 'corrupted', `版本顺序与保存顺序不同：${order.join(' ')}`)

    if (article.createdBySoak) await checkPublishedOnce(article)
    // After a publish without a definite answer, what readers see is not known.
    if (article.unsettled) return
    if (article.published) {
      result.publishedChecked += 1
      const published = contentOf(await api(`/api/articles/${article.id}?depth=0`))
      const publishedAt = article.acknowledged.indexOf(article.published.marker)
      compare(article, 'published', published, article.published, ['original', ...article.acknowledged.slice(0, Math.max(0, publishedAt))])
    }
    await checkReaderPage(article)
  }

  const checkPublishedOnce = async (article: ArticleLedger) => {
    const { totalDocs } = (await api(`/api/workflow-events?where[article][equals]=${article.id}&where[action][equals]=publish&limit=1&depth=0`)) as { totalDocs: number }
    const expected = article.state === 'published' ? 1 : 0
    // A publish without a definite answer may have happened once; never twice.
    if (totalDocs === expected || (article.unsettled && totalDocs <= 1)) return void (result.publishOnceChecked += 1)
    result.publishOnceChecked += 1
    problem(article, 'publish once', totalDocs > 1 ? 'published twice' : 'lost', `流程记录中有 ${totalDocs} 次签发，应为 ${expected} 次`)
  }

  const checkReaderPage = async (article: ArticleLedger) => {
    result.readerPagesChecked += 1
    const published = article.published
    const url = `${base}/articles/${encodeURIComponent(article.slug)}`
    const started = performance.now()
    let last = ''
    while (performance.now() - started < READER_WAIT_MS) {
      const response = await fetch(url)
      const html = await response.text()
      if (!published) {
        if (response.status === 404) return
        return problem(article, 'reader', 'draft shown', `从未签发的稿件在读者页面可见：${url} HTTP ${response.status}`)
      }
      if (response.ok && pageShows(html, published)) return
      last = `HTTP ${response.status}，x-nextjs-cache ${response.headers.get('x-nextjs-cache') ?? '—'}，标题 ${/<h1 class="article__title">([\s\S]*?)<\/h1>/.exec(decode(html))?.[1] ?? '（无）'}`
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    const since = article.publishedAt == null ? '' : `（签发确认于 ${Math.round((performance.now() - article.publishedAt) / 1000)} s 前）`
    problem(article, 'reader', 'stale page', `${url} 在 ${READER_WAIT_MS / 1000} s 内未显示已签发的 ${published?.marker}${since}：${last}`)
  }

  const queue = [...ledgers]
  await Promise.all(
    Array.from({ length: VERIFY_IN_FLIGHT }, async () => {
      for (let article = queue.shift(); article; article = queue.shift()) {
        await verifyOne(article).catch((error: unknown) => problem(article!, 'latest', 'unreadable', error instanceof Error ? error.message : String(error)))
      }
    }),
  )
  return result
}
