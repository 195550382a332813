import { WORKFLOW_STATE_LABELS, type WorkflowState } from '@/newsroom/workflow'
import type { DocumentId } from '@/data/relationId'

/**
 * What an import does with each article of a page, given what the database already holds.
 * Pure (the admin's panel uses it too): the rules that keep an import from duplicating an
 * article or overwriting one readers can see.
 *
 * - No article matches: 新建 (or 跳过, if the editor does not want it).
 * - The same article imported before (its source key: this page's text, this position): 跳过 by
 *   default; while it is still with the desk (草稿, 待审, 退回) the editor may 更新 it with the
 *   page's text (its earlier text stays in the version history).
 * - A same-headline article of the same day from elsewhere (typed in, another version of the page,
 *   the seed): likewise, and since a headline can repeat by chance, the editor may still 新建.
 * - An article on the site (已发布, 已撤稿) is never overwritten: 跳过, or 新建 a separate draft when
 *   only its headline and day matched.
 */
export const IMPORT_DECISIONS = ['create', 'update', 'skip'] as const
export type ImportDecision = (typeof IMPORT_DECISIONS)[number]

export type MatchRule = 'sourceKey' | 'titleAndEditionDate' | 'titleAndPublishedDate'
export type ArticleOrigin = 'import' | 'seed' | 'admin'

export type ExistingArticle = {
  /** Null, with a stand-in title, when the one previewing may not read the article (a journalist, another's draft). */
  id: DocumentId | null
  title: string
  state: WorkflowState
  /** Published or retracted: readers see it (a retraction shows its notice). */
  onSite: boolean
  origin: ArticleOrigin
  rule: MatchRule
}

export type ArticlePlan = {
  index: number
  title: string
  existing: ExistingArticle | null
  choices: ImportDecision[]
  decision: ImportDecision
}

/** States in which the desk still works on the text, so a page's newer text may replace it. */
const UPDATABLE: readonly WorkflowState[] = ['draft', 'pendingFirst', 'returned']

export function choicesFor(existing: ExistingArticle | null): ImportDecision[] {
  if (!existing) return ['create', 'skip']
  const sameArticle = existing.rule === 'sourceKey'
  const choices: ImportDecision[] = ['skip']
  if (!existing.onSite && UPDATABLE.includes(existing.state)) choices.push('update')
  if (!sameArticle) choices.push('create')
  return choices
}

/** A choice holds for one match only: when a changed 见报日期 matches another article, the default applies again. */
export const decisionKey = (plan: Pick<ArticlePlan, 'index' | 'existing'>): string => `${plan.index}:${plan.existing ? String(plan.existing.id) : 'new'}`

export const defaultDecision = (existing: ExistingArticle | null): ImportDecision => (existing ? 'skip' : 'create')

export function planArticle(index: number, title: string, existing: ExistingArticle | null): ArticlePlan {
  return { index, title, existing, choices: choicesFor(existing), decision: defaultDecision(existing) }
}

const ORIGINS: Record<ArticleOrigin, string> = { import: '版面导入', seed: '示例数据', admin: '后台录入' }

/** Which rule matched, in the editor's words. */
export function matchReason(existing: ExistingArticle): string {
  switch (existing.rule) {
    case 'sourceKey':
      return '来源标识相同：同一版面文本中的这篇稿件已经导入过'
    case 'titleAndEditionDate':
      return `标题与见报日期相同（该稿来自${ORIGINS[existing.origin]}）`
    case 'titleAndPublishedDate':
      return `标题相同，且在这一天发布（该稿来自${ORIGINS[existing.origin]}）`
  }
}

/** 新建 / 已导入（草稿）/ 已有同题稿件（待审）/ 已在网站上（已发布）. */
export function existingStatus(existing: ExistingArticle | null): string {
  if (!existing) return '新建'
  const state = WORKFLOW_STATE_LABELS[existing.state].zh
  if (existing.onSite) return `已在网站上（${state}）`
  return existing.rule === 'sourceKey' || existing.origin === 'import' ? `已导入（${state}）` : `已有同题稿件（${state}）`
}

export function decisionLabel(decision: ImportDecision, existing: ExistingArticle | null): string {
  if (decision === 'skip') return existing ? '跳过（保留已有稿件，不改动）' : '跳过（不导入这篇）'
  if (decision === 'update') return '更新：用本版文字替换该稿的标题、署名和正文'
  return existing ? '仍然新建一篇（不是同一篇稿件）' : '新建草稿'
}

function refusedChoiceReason({ decision, existing }: ArticlePlan): string {
  if (!existing) return '本版这篇是新稿，没有可更新的已有稿件'
  if (existing.onSite) return '该稿已在网站上，导入不会覆盖已发布或已撤稿的稿件'
  if (decision === 'update') return `该稿已${WORKFLOW_STATE_LABELS[existing.state].zh}，导入只更新草稿、待审或退回的稿件`
  return '这就是同一篇稿件（来源标识相同），不能再建一份'
}

export type DecisionCheck = { ok: true; plans: ArticlePlan[] } | { ok: false; status: 400 | 409; problem: string }

/**
 * The editor's choices (`{ "2": "update" }`, by article index) applied to the plan; anything
 * not chosen keeps its default. A choice the plan does not offer is refused: the article may
 * have been published since the preview.
 */
export function applyDecisions(plans: ArticlePlan[], decisions: unknown): DecisionCheck {
  if (decisions === undefined || decisions === null) return { ok: true, plans }
  if (typeof decisions !== 'object' || Array.isArray(decisions)) return { ok: false, status: 400, problem: '导入选择（decisions）格式错误：应为“稿件序号 → create/update/skip”' }
  const chosen = new Map<number, ImportDecision>()
  for (const [key, value] of Object.entries(decisions)) {
    const index = Number(key)
    if (!/^\d+$/.test(key) || index >= plans.length) return { ok: false, status: 400, problem: `导入选择中的稿件序号 ${key.slice(0, 10)} 不存在：本版共 ${plans.length} 篇` }
    if (!IMPORT_DECISIONS.includes(value as ImportDecision)) return { ok: false, status: 400, problem: `第 ${index + 1} 篇的导入选择“${String(value).slice(0, 20)}”无效：应为 create、update 或 skip` }
    chosen.set(index, value as ImportDecision)
  }
  const applied = plans.map((plan) => ({ ...plan, decision: chosen.get(plan.index) ?? plan.decision }))
  const refused = applied.find((plan) => !plan.choices.includes(plan.decision))
  if (refused) {
    const why = refusedChoiceReason(refused)
    return { ok: false, status: 409, problem: `第 ${refused.index + 1} 篇《${refused.title}》不能${refused.decision === 'update' ? '更新' : '新建'}：${why}。请重新预览` }
  }
  return { ok: true, plans: applied }
}
