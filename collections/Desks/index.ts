import type { CollectionConfig } from 'payload'

import { label } from '@collections/shared/labels'
import { reviewChainField } from '@collections/shared/reviewChainField'
import { desksAccess } from './access'

/**
 * A desk (部门: 时政部, 经济部, 市州新闻部 …). Every article belongs to one; a 部门主任's 复审
 * covers the desks their account lists (users' `desks`).
 */
export const Desks: CollectionConfig = {
  slug: 'desks',
  labels: { singular: label('部门', 'Desk'), plural: label('部门', 'Desks') },
  access: desksAccess,
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'description'], group: label('系统', 'System') },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, label: label('名称', 'Name') },
    { name: 'description', type: 'textarea', label: label('说明', 'Description') },
    reviewChainField(false),
  ],
}
