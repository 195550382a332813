import { createLocalReq, type Payload } from 'payload'

import type { Article, User } from '@payload-types'
import { relationId } from '@/data/relationId'
import { levelPendingIn, type WorkflowState } from '@/newsroom/workflow'
import type { ReviewLevel } from '@/newsroom/reviewChain'
import { type TransitionRequest, transitionArticle } from '@/workflow/transitionArticle'
import { articleProofreading, waiveFinding } from '@/proofreading/server/articleReview'
import { waiverKey } from '@/proofreading/waivers'
import { type Staff, TEST_DESK } from './newsroomUsers'

/** One workflow transition taken by a signed-in staff member, as the endpoint would take it. */
export async function transitionAs(payload: Payload, user: User, request: Omit<TransitionRequest, 'system'>) {
  const req = await createLocalReq({ user: { ...user, collection: 'users' } }, payload)
  return transitionArticle(payload, req, request)
}

/** Who signs each level in the test newsroom; 初审 falls to the other editor when the editor wrote the article. */
function signerOf(staff: Staff, level: ReviewLevel, article: Article): User {
  if (level === 'first') return String(relationId(article.owner)) === String(staff.editor.id) ? staff.otherEditor : staff.editor
  return { second: staff.deskHead, proofreading: staff.proofreader, final: staff.chiefEditor }[level]
}

type When = { now?: Date }

/** The test 部门主任 heads every desk an article is filed with (the seed's 市州新闻部 too). */
async function headArticleDesk(payload: Payload, staff: Staff, article: Article): Promise<void> {
  const desk = relationId(article.desk)
  const heads = (staff.deskHead.desks ?? []).map((entry) => relationId(entry))
  if (desk == null || heads.some((id) => String(id) === String(desk))) return
  staff.deskHead = await payload.update({ collection: 'users', id: staff.deskHead.id, data: { desks: [...heads, desk] as number[] }, depth: 0 })
}

/** The reason the test desk gives for keeping what the 校对 checker finds in test copy (seed pages, attack payloads). */
export const TEST_WAIVER_REASON = '测试稿件照录原文，校对意见另行处理'

/**
 * The proofreader keeps every open `error` finding, with TEST_WAIVER_REASON: tests about other
 * things take copy through 校对 and 终审 as it is. The gate itself is tested without this.
 */
export async function waiveOpenFindings(payload: Payload, staff: Staff, id: Article['id']): Promise<void> {
  const req = await createLocalReq({ user: { ...staff.proofreader, collection: 'users' } }, payload)
  const article = await payload.findByID({ collection: 'articles', id, draft: true, depth: 0, req })
  const seen = new Set<string>()
  for (const finding of (await articleProofreading(req, article)).findings) {
    const key = waiverKey(finding)
    if (finding.severity !== 'error' || finding.waiver || seen.has(key)) continue
    seen.add(key)
    await waiveFinding(req, id, finding, TEST_WAIVER_REASON)
  }
}

/** Signs every level the article's chain still waits for, each by its signer, leaving it 已签发 (or 已排期). */
export async function signRemainingLevels(payload: Payload, staff: Staff, id: Article['id'], { now }: When = {}): Promise<Article> {
  let article = await payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
  await headArticleDesk(payload, staff, article)
  for (let level = levelPendingIn(article.workflowState as WorkflowState); level; level = levelPendingIn(article.workflowState as WorkflowState)) {
    if (level === 'proofreading' || level === 'final') await waiveOpenFindings(payload, staff, id)
    article = await transitionAs(payload, signerOf(staff, level, article), { id, action: 'sign', level, now })
  }
  return article
}

/** Files the article with the test desk when it has none, as a desk would before submitting it. */
export async function fileWithTestDesk(payload: Payload, id: Article['id']): Promise<void> {
  const article = await payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
  if (relationId(article.desk) != null) return
  const { docs } = await payload.find({ collection: 'desks', where: { name: { equals: TEST_DESK } }, limit: 1, depth: 0 })
  await payload.update({ collection: 'articles', id, data: { desk: docs[0].id }, draft: article._status !== 'published', depth: 0 })
}

/** Submits the article (as `by`, the editor unless said) and takes it through every level of its chain: 已签发. */
export async function submitAndSign(payload: Payload, staff: Staff, id: Article['id'], { now, by = staff.editor }: When & { by?: User } = {}): Promise<Article> {
  await fileWithTestDesk(payload, id)
  await transitionAs(payload, by, { id, action: 'submit', now })
  return signRemainingLevels(payload, staff, id, { now })
}

/** Submits, signs every level and publishes: the way an article reaches readers. */
export async function publishThroughChain(payload: Payload, staff: Staff, id: Article['id'], when: When & { by?: User } = {}): Promise<Article> {
  await submitAndSign(payload, staff, id, when)
  return transitionAs(payload, staff.editor, { id, action: 'publish', now: when.now })
}

/** The 终审 signs the article's latest text again: a change to signed or published text needs it before it may go public. */
export async function signFinal(payload: Payload, staff: Staff, id: Article['id']): Promise<Article> {
  await waiveOpenFindings(payload, staff, id)
  return transitionAs(payload, staff.chiefEditor, { id, action: 'sign', level: 'final' })
}

/** Publishes a change to a published article the way a desk must: saved as a draft, signed again at 终审, then published. */
export async function publishChange(payload: Payload, staff: Staff, id: Article['id'], data: Partial<Article>, by: User = staff.editor): Promise<Article> {
  const as = { user: { ...by, collection: 'users' as const }, overrideAccess: false }
  await payload.update({ collection: 'articles', id, draft: true, data, ...as })
  await signFinal(payload, staff, id)
  return payload.update({ collection: 'articles', id, draft: false, data: { _status: 'published' }, ...as })
}

/** Signs, each by its signer, the levels the article waits for before `level`: it is left waiting for `level` (or 已签发 when its chain lacks it). */
export async function signUpTo(payload: Payload, staff: Staff, id: Article['id'], level: ReviewLevel): Promise<Article> {
  let article = await payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
  await headArticleDesk(payload, staff, article)
  for (let pending = levelPendingIn(article.workflowState as WorkflowState); pending && pending !== level; pending = levelPendingIn(article.workflowState as WorkflowState)) {
    if (pending === 'proofreading') await waiveOpenFindings(payload, staff, id)
    article = await transitionAs(payload, signerOf(staff, pending, article), { id, action: 'sign', level: pending })
  }
  return article
}
