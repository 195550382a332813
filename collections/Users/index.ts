import type { CollectionConfig } from 'payload'

import { ROLE_LABELS, ROLES } from '../../src/access/roles'
import { adminsOnlyField } from '../../src/access/rules'
import { servedOverHttps } from '../../src/security/origins'
import { label, option } from '../shared/labels'
import { usersAccess } from './access'
import { resetPasswordEndpoint } from './endpoints/resetPassword'
import { enforcePasswordPolicy } from './hooks/enforcePasswordPolicy'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: label('用户', 'User'), plural: label('用户', 'Users') },
  auth: {
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    // Lax keeps the session off cross-site form posts; Secure wherever the site has HTTPS.
    cookies: { sameSite: 'Lax', secure: servedOverHttps() },
  },
  access: usersAccess,
  endpoints: [resetPasswordEndpoint],
  hooks: { beforeValidate: [enforcePasswordPolicy] },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role', 'byline'],
    group: label('系统', 'System'),
  },
  fields: [
    { name: 'name', type: 'text', required: true, label: label('姓名', 'Name') },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'journalist',
      label: label('角色', 'Role'),
      options: ROLES.map((role) => option(role, ROLE_LABELS[role].zh, ROLE_LABELS[role].en)),
      saveToJWT: true,
      access: { create: adminsOnlyField, update: adminsOnlyField },
    },
    {
      name: 'byline',
      type: 'relationship',
      relationTo: 'bylines',
      label: label('对应署名', 'Byline'),
      admin: { description: label('该用户发稿时使用的署名。', 'The byline this user publishes under.') },
    },
  ],
}
