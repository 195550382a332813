import type { CollectionConfig } from 'payload'

import { ROLE_LABELS, ROLES } from '@/access/roles'
import { adminsOnlyField, editorsOnlyField, selfOrAdminsField, selfOrEditorsField } from '@/access/rules'
import { servedOverHttps } from '@/security/origins'
import { label, option } from '@collections/shared/labels'
import { usersAccess } from './access'
import { resetPasswordEndpoint } from './endpoints/resetPassword'
import { enforcePasswordPolicy } from './hooks/enforcePasswordPolicy'
import { enforcePasswordPolicyOnReset } from './hooks/enforcePasswordPolicyOnReset'
import { refuseChangeWithoutAccess } from './hooks/refuseChangeWithoutAccess'
import { refuseOthersPasswordChange } from './hooks/refuseOthersPasswordChange'
import { sendResetEmailAfterCommit } from './hooks/sendResetEmailAfterCommit'
import { takeOverResetEmail } from './hooks/takeOverResetEmail'
import { RESET_LINK_LIFETIME_MS } from './passwordResetPlans'

const refuseUnauthorisedChange = { beforeValidate: [refuseChangeWithoutAccess] }

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: label('用户', 'User'), plural: label('用户', 'Users') },
  auth: {
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    // Lax keeps the session off cross-site form posts; Secure wherever the site has HTTPS.
    cookies: { sameSite: 'Lax', secure: servedOverHttps() },
    forgotPassword: { expiration: RESET_LINK_LIFETIME_MS },
  },
  access: usersAccess,
  endpoints: [resetPasswordEndpoint],
  hooks: {
    beforeOperation: [takeOverResetEmail, enforcePasswordPolicyOnReset, refuseOthersPasswordChange],
    beforeValidate: [enforcePasswordPolicy],
    afterOperation: [sendResetEmailAfterCommit],
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role', 'byline'],
    group: label('系统', 'System'),
  },
  // Colleagues see each other's names (bylines, comments, workflow history); e-mail
  // addresses, roles and byline links only the account's owner, editors and admins see.
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      label: label('姓名', 'Name'),
      access: { update: selfOrAdminsField },
      hooks: refuseUnauthorisedChange,
      custom: { whoMayChange: '姓名只有本人和管理员可以修改' },
    },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'journalist',
      label: label('角色', 'Role'),
      options: ROLES.map((role) => option(role, ROLE_LABELS[role].zh, ROLE_LABELS[role].en)),
      saveToJWT: true,
      // Unlike the fields below, a role from anyone but an admin is dropped without a word:
      // Local API callers rely on that (tests/int/access/rules.test.ts).
      access: { read: selfOrEditorsField, create: adminsOnlyField, update: adminsOnlyField },
    },
    {
      name: 'byline',
      type: 'relationship',
      relationTo: 'bylines',
      label: label('对应署名', 'Byline'),
      access: { read: selfOrEditorsField, create: editorsOnlyField, update: editorsOnlyField },
      hooks: refuseUnauthorisedChange,
      custom: { whoMayChange: '账号与署名的关联只有编辑和管理员可以设定，请联系编辑' },
      admin: { description: label('该用户发稿时使用的署名，由编辑或管理员设定。', 'The byline this user publishes under; set by an editor or administrator.') },
    },
    // Merged by Payload with the e-mail field auth adds (same name), keeping its validation
    // and uniqueness; only who may read and change it is this app's.
    {
      name: 'email',
      type: 'email',
      label: label('电子邮箱', 'Email'),
      access: { read: selfOrEditorsField, update: selfOrAdminsField },
      hooks: refuseUnauthorisedChange,
      custom: { whoMayChange: '邮箱只有本人和管理员可以修改' },
    },
  ],
}
