import { type MaybeUser, ROLE_LABELS, type Role, rolesOf } from './roles'

/**
 * Who may do what, named once per feature (as Superdesk names its privileges): collection
 * access, workflow rules, endpoints and the admin's buttons all ask `can(user, permission)`,
 * never a role. Signing a review level is in here too; which levels an article needs and the
 * order they come in belong to the review chain (src/newsroom/reviewChain).
 */
/** The desk's editing roles: everyone who edits, reviews and publishes copy. */
const EDITING: readonly Role[] = ['editor', 'deskHead', 'chiefEditor', 'admin']
/** Those who read every article: the editing roles and the proofreaders. */
const READING_ALL: readonly Role[] = ['editor', 'deskHead', 'chiefEditor', 'proofreader', 'admin']

export const PERMISSIONS = {
  /** Read every article, draft or not, with its comments and history. */
  readAllArticles: { zh: '查看全部稿件', roles: READING_ALL },
  /** Change any article, whoever owns it and wherever it is in the workflow. */
  editAnyArticle: { zh: '修改任何稿件', roles: READING_ALL },
  /** Delete articles and set the fields only editors set (slug, print placement). */
  manageArticles: { zh: '管理稿件（删除、网址、版面）', roles: EDITING },
  /** Sign 初审 as the article's responsible editor (责任编辑), or return it from there. */
  signFirstReview: { zh: '初审签字', roles: ['editor'] },
  /** Sign 复审 for the desks the account heads, or return it from there. */
  signSecondReview: { zh: '复审签字（本部门）', roles: ['deskHead'] },
  /** Sign the proofreading round, or return it from there. */
  signProofreading: { zh: '校对签字', roles: ['proofreader'] },
  /** Sign 终审, the 签发, or return it from there; re-sign a change to what was signed. */
  signFinalReview: { zh: '终审签发', roles: ['chiefEditor'] },
  /** Keep a 校对 finding with a reason, so that it no longer holds up 校对 and 终审: the signers' call. */
  waiveProofreadingFindings: { zh: '校对豁免', roles: ['editor', 'deskHead', 'proofreader', 'chiefEditor'] },
  /** Publish, schedule and reschedule what the review has passed, and publish later changes. */
  publishArticles: { zh: '发布、排期', roles: EDITING },
  /** Retract a published article: the 终审 level's decision. */
  retractArticles: { zh: '撤稿', roles: ['chiefEditor'] },
  /** Commit an imported print page (anyone on staff may preview one). */
  importPages: { zh: '导入版面', roles: EDITING },
  /** Confirm, correct and merge bylines; link accounts to bylines. */
  confirmBylines: { zh: '确认署名', roles: EDITING },
  /** Maintain columns, their installments, regions, tags and photos. */
  editReferenceData: { zh: '维护专栏、地区、标签和图片', roles: EDITING },
  /** Change or delete any colleague's editorial comment. */
  moderateComments: { zh: '管理批注', roles: EDITING },
  /** See colleagues' e-mail addresses, roles and byline links. */
  seeColleagueDetails: { zh: '查看同事的邮箱、角色和署名', roles: EDITING },
  /** Create, delete and unlock accounts; set roles, names, e-mail addresses and passwords of others. */
  manageAccounts: { zh: '管理账号', roles: ['admin'] },
  /** Maintain desks (部门) and who heads them. */
  manageDesks: { zh: '管理部门', roles: ['admin'] },
  /** Keep the 禁用词/慎用词 list the 校对 checker reports. */
  maintainProofreadingTerms: { zh: '维护禁用词/慎用词', roles: ['admin'] },
  /** Rebuild the search index. */
  rebuildSearchIndex: { zh: '重建检索索引', roles: ['admin'] },
  /** Keep the site's legal footer: 备案号, 新闻信息服务许可证, the 举报 phone and address. */
  manageSiteSettings: { zh: '维护网站备案与举报信息', roles: ['admin'] },
  /** Configure the reader site's channels (频道) and lay out its front page (首页版面). */
  layOutSite: { zh: '编排网站频道与首页', roles: EDITING },
  /** See how often readers opened each article (阅读量): the editing roles and administrators. */
  readArticleViews: { zh: '查看阅读量', roles: EDITING },
} as const satisfies Record<string, { zh: string; roles: readonly Role[] }>

export type Permission = keyof typeof PERMISSIONS

export function can(user: MaybeUser, permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission].roles
  return rolesOf(user).some((role) => allowed.includes(role))
}

/** The roles holding a permission, in Chinese, for refusals that say whom to ask: "编辑（责任编辑）、部门主任". */
export const rolesWith = (permission: Permission): string => PERMISSIONS[permission].roles.map((role) => ROLE_LABELS[role].zh).join('、')

/** Which of the user's roles gives them the permission, in Chinese, as a review sheet names a signer's capacity; null when none does. */
export function roleActingFor(user: MaybeUser, permission: Permission): string | null {
  const allowed: readonly Role[] = PERMISSIONS[permission].roles
  const role = rolesOf(user).find((held) => allowed.includes(held))
  return role ? ROLE_LABELS[role].zh : null
}
