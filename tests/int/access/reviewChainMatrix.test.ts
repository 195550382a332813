import type { Payload } from 'payload'

import type { Article, User } from '@payload-types'
import { REVIEW_LEVELS, type ReviewLevel } from '@/newsroom/reviewChain'
import { runDueSchedules } from '@/workflow/scheduler'
import { type ApiReply, type InProcessClient, signedInClient } from '../../helpers/inProcessApi'
import { inProcessGraphql } from '../../helpers/inProcessGraphql'
import { type Staff, STAFF_PASSWORD } from '../../helpers/newsroomUsers'
import { useTestPayload } from '../../helpers/payload'
import { signRemainingLevels, signUpTo, transitionAs } from '../../helpers/workflow'

/**
 * Every role against every review level and every way of publishing. The articles are written
 * by the second journalist, so no role's test account is their author.
 */
const ROLES = ['journalist', 'editor', 'deskHead', 'proofreader', 'chiefEditor', 'admin'] as const
type RoleName = (typeof ROLES)[number]

/**
 * Who may sign each level, written out from the permission table (src/access/permissions.ts:
 * signFirstReview editor, signSecondReview the desk head of the article's desk, signProofreading
 * proofreader, signFinalReview chiefEditor), not computed from it.
 */
const MAY_SIGN: Record<RoleName, Record<ReviewLevel, boolean>> = {
  journalist: { first: false, second: false, proofreading: false, final: false },
  editor: { first: true, second: false, proofreading: false, final: false },
  deskHead: { first: false, second: true, proofreading: false, final: false },
  proofreader: { first: false, second: false, proofreading: true, final: false },
  chiefEditor: { first: false, second: false, proofreading: false, final: true },
  admin: { first: false, second: false, proofreading: false, final: false },
}

let payload: Payload
let staff: Staff
const clients = {} as Record<RoleName, InProcessClient>

useTestPayload({ staff: true }, async (booted) => {
  ;({ payload, staff } = booted)
  for (const role of ROLES) clients[role] = await signedInClient(payload, staff[role].email, STAFF_PASSWORD)
})

/** A controlled clock for the scheduler, years ahead of the machine's. */
const T0 = new Date('2030-03-01T02:00:00.000Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)
const as = (user: User) => ({ user: { ...user, collection: 'users' as const }, overrideAccess: false })

let serial = 0
/** The second journalist's article, submitted and signed by the usual signers until it waits for `level`; `null`: 已签发. */
async function waitingFor(level: ReviewLevel | null): Promise<Article> {
  const author = staff.otherJournalist
  const created = await payload.create({ collection: 'articles', draft: true, data: { title: `矩阵稿件 ${++serial}` } as never, ...as(author) })
  await transitionAs(payload, author, { id: created.id, action: 'submit' })
  return level ? signUpTo(payload, staff, created.id, level) : signRemainingLevels(payload, staff, created.id)
}

const stored = (id: number) => payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
const publicCopy = async (id: number) => (await payload.find({ collection: 'articles', where: { id: { equals: id } }, overrideAccess: false, depth: 0 })).docs[0] ?? null
const eventCount = async (id: number) => (await payload.count({ collection: 'workflow-events', where: { article: { equals: id } } })).totalDocs
const refusedReply = (reply: ApiReply) => reply.status >= 400 && reply.status < 500

// ---- signing -------------------------------------------------------------------------------

type Cell = { expected: boolean; signed: boolean; status: number }
const signing = {} as Record<RoleName, Record<ReviewLevel, Cell>>

describe('who may sign which level', () => {
  it.each(ROLES)('lets the %s sign exactly the levels the permission table gives them, and refuses the rest with a 403 that writes nothing', async (role) => {
    signing[role] = {} as Record<ReviewLevel, Cell>
    for (const level of REVIEW_LEVELS) {
      const article = await waitingFor(level)
      const events = await eventCount(article.id)
      const reply = await clients[role].rest(`/api/articles/${article.id}/workflow`, { method: 'POST', body: { action: 'sign', level, opinion: '同意' } })
      const after = await stored(article.id)
      const signed = reply.status === 200 && after.workflowState !== article.workflowState
      signing[role][level] = { expected: MAY_SIGN[role][level], signed, status: reply.status }
      if (!signed) expect({ level, events: await eventCount(article.id), state: after.workflowState, updatedAt: after.updatedAt }).toEqual({ level, events, state: article.workflowState, updatedAt: article.updatedAt })
    }
    const outcome = (pick: (cell: Cell) => boolean | number) => Object.fromEntries(REVIEW_LEVELS.map((level) => [level, pick(signing[role][level])]))
    expect(outcome((cell) => cell.signed)).toEqual(MAY_SIGN[role])
    expect(outcome((cell) => cell.status)).toEqual(Object.fromEntries(REVIEW_LEVELS.map((level) => [level, MAY_SIGN[role][level] ? 200 : 403])))
  })
})

// ---- publishing what the chain has not finished --------------------------------------------

/** One attempt: whether it was refused (nothing went public), and what the product answered. */
type Outcome = { refused: boolean; answer: string }
type Surface = { name: string; attempt: (role: RoleName, index: number) => Promise<Outcome> }

const errorAnswer = (error: unknown) => ({ answer: (error as Error).message })
const replyAnswer = (reply: ApiReply) => ({ answer: `${reply.status} ${reply.json?.errors?.[0]?.message ?? ''}`.trim() })

/** An article waiting for 终审, the attempt on it, and the check that it is neither public nor moved on. */
async function onUnsignedArticle(attempt: (article: Article) => Promise<{ failed: boolean; answer: string }>): Promise<Outcome> {
  const article = await waitingFor('final')
  const { failed, answer } = await attempt(article)
  const after = await stored(article.id)
  return { refused: failed && (await publicCopy(article.id)) === null && after.workflowState === 'pendingFinal' && after._status === 'draft', answer }
}
const throws = (action: () => Promise<unknown>) =>
  action().then(() => ({ failed: false, answer: 'accepted' }), (error: unknown) => ({ failed: true, ...errorAnswer(error) }))
const answers = async (action: () => Promise<ApiReply>) => {
  const reply = await action()
  return { failed: refusedReply(reply), ...replyAnswer(reply) }
}
const GRAPHQL_PUBLISH = 'mutation ($id: Int!, $at: String) { updateArticle(id: $id, data: { _status: published, updatedAt: $at }, draft: false) { id } }'

/** A page of one article, different for every attempt so none is skipped as already imported. */
const importFile = (index: number) => {
  const page = `\n\n矩阵导入稿件第${index}篇\n\n本报记者 王矩阵\n\n这是第${index}篇导入稿件的第一段正文，讲述某地的情况。\n\n这是第二段正文。\n`
  return { name: `page-${index}.txt`, content: Buffer.from(page).toString('base64'), edition: { date: '2025-11-13', pageNumber: 2, pageName: '要闻' } }
}

const SURFACES: Surface[] = [
  {
    name: 'REST workflow publish',
    attempt: (role) => onUnsignedArticle((article) => answers(() => clients[role].rest(`/api/articles/${article.id}/workflow`, { method: 'POST', body: { action: 'publish' } }))),
  },
  {
    name: 'REST PATCH _status published',
    attempt: (role) =>
      onUnsignedArticle(async (article) => answers(async () => clients[role].rest(`/api/articles/${article.id}`, { method: 'PATCH', body: { _status: 'published', updatedAt: (await stored(article.id)).updatedAt } }))),
  },
  {
    name: 'GraphQL update _status published',
    attempt: (role) =>
      onUnsignedArticle(async (article) => {
        const reply = await inProcessGraphql(clients[role].token)(GRAPHQL_PUBLISH, { id: article.id, at: (await stored(article.id)).updatedAt })
        return { failed: Boolean(reply.errors?.length), answer: reply.errors?.[0]?.message ?? 'accepted' }
      }),
  },
  {
    name: 'Local API publish (overrideAccess false)',
    attempt: (role) => onUnsignedArticle((article) => throws(() => payload.update({ collection: 'articles', id: article.id, data: { _status: 'published' }, ...as(staff[role]) }))),
  },
  {
    // The role changes a scheduled article's text (if it may edit at all); the scheduler then runs at the article's time.
    name: 'scheduler after a change',
    attempt: async (role, index) => {
      const article = await waitingFor(null)
      await transitionAs(payload, staff.editor, { id: article.id, action: 'schedule', publishAt: at(index + 1), now: T0 })
      const title = `${role} 排期后改的标题`
      const edit = await throws(() => payload.update({ collection: 'articles', id: article.id, draft: true, data: { title }, ...as(staff[role]) }))
      const run = await runDueSchedules(payload, at(index + 1))
      const reader = await publicCopy(article.id)
      const answer = edit.failed ? `change refused: ${edit.answer}` : `change saved (${(await stored(article.id)).workflowState}); scheduler ${run.published.includes(article.id) ? 'published' : 'skipped'} it`
      return { refused: reader?.title !== title, answer }
    },
  },
  {
    name: 'import commit',
    attempt: async (role, index) => {
      const reply = await clients[role].rest('/api/import', { method: 'POST', body: { files: [importFile(index)] } })
      if (refusedReply(reply)) return { refused: true, ...replyAnswer(reply) }
      const ids: number[] = (reply.json?.files?.[0]?.articles ?? []).flatMap((entry: { id?: number }) => (entry.id == null ? [] : [entry.id]))
      const states = await Promise.all(ids.map(async (id) => ({ stored: await stored(id), reader: await publicCopy(id) })))
      const drafts = states.every(({ stored: saved, reader }) => saved.workflowState === 'draft' && saved._status === 'draft' && reader === null)
      return { refused: ids.length > 0 && drafts, answer: `${reply.status}: ${ids.length} article(s) imported as ${[...new Set(states.map(({ stored: saved }) => saved.workflowState))].join(', ')}` }
    },
  },
]

const tally: Record<string, { attempts: number; refusals: number; cells: Record<RoleName, Outcome> }> = {}

describe('publishing an article whose chain is incomplete', () => {
  it.each(SURFACES.map((surface) => [surface.name, surface] as const))('refuses every role’s attempt through %s', async (name, surface) => {
    tally[name] = { attempts: 0, refusals: 0, cells: {} as Record<RoleName, Outcome> }
    for (const [index, role] of ROLES.entries()) {
      const outcome = await surface.attempt(role, SURFACES.indexOf(surface) * ROLES.length + index)
      tally[name].attempts += 1
      tally[name].refusals += outcome.refused ? 1 : 0
      tally[name].cells[role] = outcome
    }
    const gotThrough = ROLES.filter((role) => !tally[name].cells[role].refused).map((role) => `${role}: ${tally[name].cells[role].answer}`)
    expect(gotThrough).toEqual([])
    expect(tally[name].refusals).toBe(tally[name].attempts)
  })
})

afterAll(() => {
  const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - text.length))
  const lines = ['三审 access matrix', '', `${pad('sign (✓ signed, ✗ refused; * = differs from the table)', 56)}${REVIEW_LEVELS.map((level) => pad(level, 14)).join('')}`]
  for (const role of ROLES.filter((name) => signing[name])) {
    const cells = REVIEW_LEVELS.map((level) => {
      const cell = signing[role][level]
      return pad(`${cell.signed ? '✓' : '✗'} ${cell.status}${cell.signed === cell.expected ? '' : ' *'}`, 14)
    })
    lines.push(`${pad(role, 56)}${cells.join('')}`)
  }
  const signed = Object.values(signing).flatMap((row) => Object.values(row))
  lines.push(`signing attempts ${signed.length}, signed ${signed.filter((cell) => cell.signed).length}, refused ${signed.filter((cell) => !cell.signed).length}, differing from the table ${signed.filter((cell) => cell.signed !== cell.expected).length}`, '')
  lines.push(`${pad('unsigned publish (✗ refused, ✓ got through)', 44)}${ROLES.map((role) => pad(role, 12)).join('')}attempts  refusals`)
  for (const [name, row] of Object.entries(tally)) {
    lines.push(`${pad(name, 44)}${ROLES.map((role) => pad(row.cells[role] ? (row.cells[role].refused ? '✗' : '✓') : '-', 12)).join('')}${pad(String(row.attempts), 10)}${row.refusals}`)
  }
  lines.push('', 'answers:')
  for (const [name, row] of Object.entries(tally)) for (const role of ROLES) if (row.cells[role]) lines.push(`  ${name} / ${role}: ${row.cells[role].answer}`)
  console.log(lines.join('\n'))
})
