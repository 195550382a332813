import { type DocumentId, relationId } from '@/data/relationId'

/**
 * The newsroom's roles, as a Chinese daily names them. A person may hold several (a 部门主任
 * who also edits, an administrator who is also 值班总编); what each role may do is in
 * ./permissions, never decided from a role here.
 */
export const ROLES = ['journalist', 'editor', 'deskHead', 'chiefEditor', 'proofreader', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  journalist: { zh: '记者', en: 'Journalist' },
  editor: { zh: '编辑（责任编辑）', en: 'Editor' },
  deskHead: { zh: '部门主任', en: 'Desk head' },
  chiefEditor: { zh: '总编辑 / 值班总编', en: 'Chief editor' },
  proofreader: { zh: '校对', en: 'Proofreader' },
  admin: { zh: '管理员', en: 'Administrator' },
}

export type MaybeUser = { id?: DocumentId; roles?: unknown; collection?: string } | null | undefined

const isRole = (value: unknown): value is Role => ROLES.includes(value as Role)

/** The known roles a signed-in staff account holds; none for readers and for other auth collections. */
export function rolesOf(user: MaybeUser): Role[] {
  if (!user || (user.collection && user.collection !== 'users')) return []
  return Array.isArray(user.roles) ? user.roles.filter(isRole) : []
}

/** Staff are accounts holding at least one role; readers hold none. */
export const isStaffUser = (user: MaybeUser): boolean => rolesOf(user).length > 0

/** Whether `id` is the signed-in staff member's own account (ids are numbers on SQLite, strings on MongoDB). */
export function isOwnAccount(user: MaybeUser, id: unknown): boolean {
  return isStaffUser(user) && id != null && user?.id != null && String(user.id) === String(id)
}

/** The desks (部门) an account belongs to, as ids: a 部门主任's are the desks they head. */
export function deskIdsOf(user: { desks?: unknown } | null | undefined): DocumentId[] {
  return Array.isArray(user?.desks) ? user.desks.map((desk) => relationId(desk)).filter((id): id is DocumentId => id != null) : []
}
