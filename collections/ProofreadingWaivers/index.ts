import type { CollectionConfig } from 'payload'

import { label } from '@collections/shared/labels'
import { proofreadingWaiversAccess } from './access'

/**
 * A 校对 finding a signer decided to keep, with the reason (a quotation kept as printed, a name
 * spelt as its owner spells it): the gate before 校对 and 终审 lets it pass, and the 审稿单 lists it.
 * Kept beside the article, not in it, so that a waiver is no change to the signed text.
 */
export const ProofreadingWaivers: CollectionConfig = {
  slug: 'proofreading-waivers',
  labels: { singular: label('校对豁免', 'Proofreading waiver'), plural: label('校对豁免', 'Proofreading waivers') },
  access: proofreadingWaiversAccess,
  admin: { useAsTitle: 'text', defaultColumns: ['createdAt', 'article', 'text', 'message', 'reason', 'waivedBy'], group: label('系统', 'System') },
  defaultSort: '-createdAt',
  fields: [
    { name: 'article', type: 'relationship', relationTo: 'articles', required: true, index: true, label: label('稿件', 'Article') },
    { name: 'key', type: 'text', required: true, index: true, label: label('标识', 'Key'), admin: { hidden: true } },
    { name: 'category', type: 'text', label: label('类别', 'Category') },
    { name: 'field', type: 'text', label: label('字段', 'Field') },
    { name: 'text', type: 'text', label: label('原文', 'Text') },
    { name: 'message', type: 'text', label: label('校对意见', 'Message') },
    { name: 'reason', type: 'textarea', required: true, label: label('豁免理由', 'Reason') },
    { name: 'waivedBy', type: 'relationship', relationTo: 'users', label: label('豁免人', 'Waived by') },
  ],
}
