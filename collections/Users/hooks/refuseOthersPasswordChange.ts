import type { CollectionBeforeOperationHook } from 'payload'

import { can } from '@/access/permissions'
import { isOwnAccount } from '@/access/roles'
import { refusal } from '@collections/shared/errors'
import type { DocumentId } from '@/data/relationId'

type UpdateArgs = { id?: DocumentId; data?: { password?: unknown } }

/**
 * The password is no field, so no field rule guards it; and editors may update other
 * accounts (to link bylines). Without this an editor could set an administrator's password
 * and sign in as them. Changing many accounts at once never carries a password either.
 */
export const refuseOthersPasswordChange: CollectionBeforeOperationHook = ({ args, operation, overrideAccess, req }) => {
  if (operation !== 'update' || overrideAccess) return
  const { id, data } = args as unknown as UpdateArgs
  if (data?.password == null || data.password === '' || can(req.user, 'manageAccounts')) return
  if (id != null && isOwnAccount(req.user, id)) return
  throw refusal('不能修改别人的密码（password）：每个人只能在自己的账号里改密码，忘记密码请用“忘记密码”，或请管理员重设。', 403, 'password-not-yours-to-change')
}
