import { REVIEW_LEVEL_LABELS, REVIEW_LEVELS, type ReviewLevel } from '@/newsroom/reviewChain'
import { paragraphNode, rootNode } from '@/seed/lexical'
import { percentiles, type Percentiles } from '../stats'
import { BENCH_EDITOR, BENCH_SIGNERS, type BenchAccount } from './dataset'

type Id = number | string
export type EditorFigures = {
  adminList: Percentiles & { requests: number }
  editPage: Percentiles & { loads: number }
  largeSave: Percentiles & { saves: number; characters: number }
}
export type PublishToVisible = { originMs: number | null; cacheMs: number | null }

export async function signIn(origin: string, account: BenchAccount = BENCH_EDITOR): Promise<string> {
  const response = await fetch(`${origin}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(account) })
  const body = (await response.json()) as { token?: string }
  if (!body.token) throw new Error(`${account.email} 登录失败：HTTP ${response.status}`)
  return body.token
}

/** The signed-in token of each review level's signer (BENCH_SIGNERS). */
export type SignerTokens = Record<ReviewLevel, string>

export async function signInSigners(origin: string): Promise<SignerTokens> {
  const tokens = await Promise.all(REVIEW_LEVELS.map((level) => signIn(origin, BENCH_SIGNERS[level])))
  return Object.fromEntries(REVIEW_LEVELS.map((level, index) => [level, tokens[index]])) as SignerTokens
}

const editorHeaders = (token: string) => ({ Authorization: `JWT ${token}`, 'Content-Type': 'application/json' })

async function timed(request: () => Promise<Response>): Promise<number> {
  const started = performance.now()
  const response = await request()
  await response.arrayBuffer()
  if (!response.ok) throw new Error(`${response.url}：HTTP ${response.status}`)
  return performance.now() - started
}

/**
 * What editors wait for, one request at a time: the admin's article list (50 per page, newest
 * first), the calls the edit page makes when it opens, and saving a long article as a draft.
 */
export async function measureEditors(origin: string, token: string, articleIds: Id[], rounds: number): Promise<EditorFigures> {
  const headers = editorHeaders(token)
  const get = (path: string) => () => fetch(`${origin}${path}`, { headers })
  const pages = Math.max(1, Math.floor(articleIds.length / 50))
  const list: number[] = []
  for (let round = 0; round < rounds; round += 1) list.push(await timed(get(`/api/articles?limit=50&page=${1 + (round % pages)}&sort=-publishedAt&depth=0`)))

  const editPage: number[] = []
  for (let round = 0; round < rounds; round += 1) {
    const id = articleIds[(round * 7919) % articleIds.length]
    const started = performance.now()
    await Promise.all([
      timed(get(`/api/articles/${id}?depth=1&draft=true`)),
      timed(get(`/api/articles/versions?where[parent][equals]=${id}&limit=10&sort=-updatedAt&depth=0`)),
      timed(get(`/api/articles/${id}/workflow`)),
      timed(get('/api/users/me')),
    ])
    editPage.push(performance.now() - started)
  }

  const paragraphs = Array.from({ length: 60 }, (_, index) => `第${index + 1}段：${'基准测试长稿件正文，记录编辑保存大稿件时的等待时间。'.repeat(10)}`)
  const body = rootNode(paragraphs.map(paragraphNode))
  const saves: number[] = []
  const saveRounds = Math.max(3, Math.round(rounds / 4))
  for (let round = 0; round < saveRounds; round += 1) {
    const id = articleIds[articleIds.length - 1 - round]
    const { updatedAt } = await (await fetch(`${origin}/api/articles/${id}?draft=true&depth=0`, { headers })).json()
    saves.push(await timed(() => fetch(`${origin}/api/articles/${id}?draft=true`, { method: 'PATCH', headers, body: JSON.stringify({ body, updatedAt }) })))
  }
  return {
    adminList: { ...percentiles(list), requests: list.length },
    editPage: { ...percentiles(editPage), loads: editPage.length },
    largeSave: { ...percentiles(saves), saves: saves.length, characters: paragraphs.join('').length },
  }
}

async function visibleAfter(started: number, check: () => Promise<boolean>, limitMs: number): Promise<number | null> {
  while (performance.now() - started < limitMs) {
    if (await check().catch(() => false)) return Math.round(performance.now() - started)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return null
}

/**
 * An editor publishes a new article through the workflow; the clock runs from the publish
 * request until the article's page answers and the home page lists it, at the origin and
 * (when there is one) through the cache tier, whose copies of both were warm beforehand.
 * The editor submits it and each level's signer signs it before the clock starts: the figure
 * is the publication's, not the review's.
 */
export async function measurePublishToVisible(origin: string, cache: string | null, token: string, signers: SignerTokens, limitMs = 60_000): Promise<PublishToVisible> {
  const title = `基准发布测试${Date.now()}`
  const created = (await (await fetch(`${origin}/api/articles?draft=true`, { method: 'POST', headers: editorHeaders(token), body: JSON.stringify({ title }) })).json()) as { doc?: { id: Id; slug: string } }
  if (!created.doc) throw new Error('基准发布测试：新建草稿失败')
  const { id, slug } = created.doc
  const workflowStep = async (what: string, by: string, step: { action: string; level?: ReviewLevel }) => {
    const response = await fetch(`${origin}/api/articles/${id}/workflow`, { method: 'POST', headers: editorHeaders(by), body: JSON.stringify(step) })
    if (!response.ok) throw new Error(`基准发布测试：${what}失败 HTTP ${response.status} ${await response.text()}`)
  }
  const bases = [origin, ...(cache ? [cache] : [])]
  // Warm: the home page, and the article's address (a 404 until published), in every cache.
  for (const base of bases) for (const path of ['/', `/articles/${slug}`]) await (await fetch(`${base}${path}`)).arrayBuffer()
  await workflowStep('提交审核', token, { action: 'submit' })
  for (const level of REVIEW_LEVELS) await workflowStep(`${REVIEW_LEVEL_LABELS[level]}签字`, signers[level], { action: 'sign', level })
  const started = performance.now()
  await workflowStep('发布', token, { action: 'publish' })
  const visibleAt = (base: string) =>
    visibleAfter(
      started,
      async () => {
        const [page, home] = await Promise.all([fetch(`${base}/articles/${slug}`), fetch(`${base}/`)])
        return page.ok && (await home.text()).includes(title)
      },
      limitMs,
    )
  const [originMs, cacheMs] = await Promise.all([visibleAt(origin), cache ? visibleAt(cache) : Promise.resolve(null)])
  return { originMs, cacheMs }
}
