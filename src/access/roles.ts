export const ROLES = ['admin', 'editor', 'journalist'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '管理员', en: 'Administrator' },
  editor: { zh: '编辑', en: 'Editor' },
  journalist: { zh: '记者', en: 'Journalist' },
}

type MaybeUser = { role?: unknown; collection?: string } | null | undefined

export function roleOf(user: MaybeUser): Role | null {
  if (!user || (user.collection && user.collection !== 'users')) return null
  return ROLES.includes(user.role as Role) ? (user.role as Role) : null
}

export const isAdminUser = (user: MaybeUser): boolean => roleOf(user) === 'admin'
export const isEditorialUser = (user: MaybeUser): boolean => {
  const role = roleOf(user)
  return role === 'admin' || role === 'editor'
}
export const isStaffUser = (user: MaybeUser): boolean => roleOf(user) !== null

/** Whether `id` is the signed-in staff member's own account (ids are numbers on SQLite, strings on MongoDB). */
export function isOwnAccount(user: (MaybeUser & { id?: unknown }) | null | undefined, id: unknown): boolean {
  return isStaffUser(user) && id != null && user?.id != null && String(user.id) === String(id)
}
