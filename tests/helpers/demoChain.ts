import { type Session, signInSession as newSession } from './restClient'

const PASSWORD = 'newsroom-demo'

/** One session per account and server: signing in for every step would meet the login throttle. */
const sessions = new Map<string, Promise<Session>>()
function signInSession(baseUrl: string, email: string, password: string): Promise<Session> {
  const key = `${baseUrl} ${email}`
  if (!sessions.has(key)) sessions.set(key, newSession(baseUrl, email, password).catch((error) => (sessions.delete(key), Promise.reject(error))))
  return sessions.get(key)!
}

/** Demo accounts by the level they sign; 初审 of the demo editor's own article falls to a second editor. */
const SIGNERS = { second: 'desk@newsroom.test', proofreading: 'proof@newsroom.test', final: 'chief@newsroom.test' } as const
const SECOND_EDITOR = { email: 'editor2@newsroom.test', name: '第二位演示编辑', password: 'second-desk-editor-passphrase' }

async function secondEditor(baseUrl: string): Promise<Session> {
  const admin = await signInSession(baseUrl, 'admin@newsroom.test', PASSWORD)
  const found = await admin.rest(`/api/users?where[email][equals]=${SECOND_EDITOR.email}&depth=0`)
  if (found.json?.totalDocs === 0) {
    const { json: desks } = await admin.rest('/api/desks?limit=100&depth=0')
    const created = await admin.rest('/api/users', { method: 'POST', body: { ...SECOND_EDITOR, roles: ['editor'], desks: desks.docs.map((desk: { id: unknown }) => desk.id) } })
    if (created.status !== 201) throw new Error(`second editor: ${created.status} ${created.text}`)
  }
  return signInSession(baseUrl, SECOND_EDITOR.email, SECOND_EDITOR.password)
}

const post = async (session: Session, id: string | number, body: Record<string, unknown>) => {
  const reply = await session.rest(`/api/articles/${id}/workflow`, { method: 'POST', body })
  if (reply.status !== 200) throw new Error(`${JSON.stringify(body)}: ${reply.status} ${reply.text}`)
  return reply.json
}

/** What the test desk says when it keeps the 校对 checker's findings in test copy (as tests/helpers/workflow.ts). */
const TEST_WAIVER_REASON = '测试稿件照录原文，校对意见另行处理'

/** The demo proofreader keeps every open `error` finding, so that tests about other things can sign 校对 and 终审. */
export async function waiveOpenFindingsOverApi(baseUrl: string, id: string | number): Promise<void> {
  const proofreader = await signInSession(baseUrl, SIGNERS.proofreading, PASSWORD)
  const { json } = await proofreader.rest(`/api/articles/${id}/proofreading`)
  const open = (json?.findings ?? []).filter((finding: { severity: string; waiver: unknown }) => finding.severity === 'error' && !finding.waiver)
  for (const finding of open) {
    const reply = await proofreader.rest(`/api/articles/${id}/proofreading`, { method: 'POST', body: { action: 'waive', finding, reason: TEST_WAIVER_REASON } })
    if (reply.status !== 200) throw new Error(`waive ${finding.text}: ${reply.status} ${reply.text}`)
  }
}

/** Signs, with the demo accounts, every level the article waits for: what 审核通过 was once it is submitted. */
export async function signPendingLevelsOverApi(baseUrl: string, id: string | number): Promise<void> {
  const editor = await signInSession(baseUrl, 'editor@newsroom.test', PASSWORD)
  for (let options = await editor.rest(`/api/articles/${id}/workflow`); options.json.review.pending; options = await editor.rest(`/api/articles/${id}/workflow`)) {
    const level = options.json.review.pending as 'first' | keyof typeof SIGNERS
    if (level === 'proofreading' || level === 'final') await waiveOpenFindingsOverApi(baseUrl, id)
    const signer = level === 'first' ? (options.json.review.mySignable.includes('first') ? editor : await secondEditor(baseUrl)) : await signInSession(baseUrl, SIGNERS[level], PASSWORD)
    await post(signer, id, { action: 'sign', level })
  }
}

/**
 * Submits an article over the API and signs every level of its 三审 chain with the demo
 * accounts (editor, desk head, proofreader, chief), leaving it 已签发: what 审核通过 was.
 */
export async function submitAndSignOverApi(baseUrl: string, id: string | number, submitter?: Session): Promise<void> {
  const editor = submitter ?? (await signInSession(baseUrl, 'editor@newsroom.test', PASSWORD))
  await post(editor, id, { action: 'submit' })
  await signPendingLevelsOverApi(baseUrl, id)
}

/** Submits, signs every level and publishes, over the API. */
export async function publishOverApi(baseUrl: string, id: string | number): Promise<void> {
  await submitAndSignOverApi(baseUrl, id)
  await post(await signInSession(baseUrl, 'editor@newsroom.test', PASSWORD), id, { action: 'publish' })
}

/** The demo chief signs 终审 again: a change to signed or published text needs it before it may go public. */
export async function signFinalOverApi(baseUrl: string, id: string | number): Promise<void> {
  await waiveOpenFindingsOverApi(baseUrl, id)
  await post(await signInSession(baseUrl, SIGNERS.final, PASSWORD), id, { action: 'sign', level: 'final' })
}

/** A retraction over the API, by the demo chief: the 终审 level's decision. */
export async function retractOverApi(baseUrl: string, id: string | number, note: string): Promise<{ status: number; json: any }> {
  const chief = await signInSession(baseUrl, SIGNERS.final, PASSWORD)
  return chief.rest(`/api/articles/${id}/workflow`, { method: 'POST', body: { action: 'retract', note } })
}
