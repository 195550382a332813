import type { CollectionConfig } from 'payload'

import { ROLE_LABELS, ROLES } from '@/access/roles'
import { rolesWith } from '@/access/permissions'
import { allowedField, selfOrAllowedField } from '@/access/rules'
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
const selfOrDetailsReaders = selfOrAllowedField('seeColleagueDetails')
const selfOrAccountManagers = selfOrAllowedField('manageAccounts')

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
    defaultColumns: ['name', 'email', 'roles', 'desks', 'byline'],
    group: label('系统', 'System'),
  },
  // Colleagues see each other's names (bylines, comments, workflow history); e-mail
  // addresses, roles and byline links only the account's owner and seeColleagueDetails.
  // Desks are no secret: a review sheet names the signer's desk.
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      label: label('姓名', 'Name'),
      access: { update: selfOrAccountManagers },
      hooks: refuseUnauthorisedChange,
      custom: { whoMayChange: `姓名只有本人和${rolesWith('manageAccounts')}可以修改` },
    },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['journalist'],
      label: label('角色', 'Roles'),
      options: ROLES.map((role) => option(role, ROLE_LABELS[role].zh, ROLE_LABELS[role].en)),
      saveToJWT: true,
      // Unlike the fields below, roles from anyone but an account manager are dropped without a
      // word: Local API callers rely on that (tests/int/access/rules.test.ts).
      access: { read: selfOrDetailsReaders, create: allowedField('manageAccounts'), update: allowedField('manageAccounts') },
      admin: { description: label('可以兼任多个角色；各角色能做什么见权限表。', 'A person may hold several roles.') },
    },
    {
      name: 'desks',
      type: 'relationship',
      relationTo: 'desks',
      hasMany: true,
      label: label('所在部门', 'Desks'),
      saveToJWT: true,
      access: { create: allowedField('manageAccounts'), update: allowedField('manageAccounts') },
      hooks: refuseUnauthorisedChange,
      custom: { whoMayChange: `所在部门只有${rolesWith('manageAccounts')}可以设定` },
      admin: { description: label('部门主任的复审限于其所在部门的稿件。', "A desk head's 复审 covers the articles of these desks.") },
    },
    {
      name: 'byline',
      type: 'relationship',
      relationTo: 'bylines',
      label: label('对应署名', 'Byline'),
      access: { read: selfOrDetailsReaders, create: allowedField('confirmBylines'), update: allowedField('confirmBylines') },
      hooks: refuseUnauthorisedChange,
      custom: { whoMayChange: `账号与署名的关联只有${rolesWith('confirmBylines')}可以设定` },
      admin: { description: label('该用户发稿时使用的署名，由编辑或管理员设定。', 'The byline this user publishes under; set by an editor or administrator.') },
    },
    // Merged by Payload with the e-mail field auth adds (same name), keeping its validation
    // and uniqueness; only who may read and change it is this app's.
    {
      name: 'email',
      type: 'email',
      label: label('电子邮箱', 'Email'),
      access: { read: selfOrDetailsReaders, update: selfOrAccountManagers },
      hooks: refuseUnauthorisedChange,
      custom: { whoMayChange: `邮箱只有本人和${rolesWith('manageAccounts')}可以修改` },
    },
  ],
}
