import type { CollectionConfig } from 'payload'

import { label, option } from '@collections/shared/labels'
import { proofreadingTermsAccess } from './access'

/**
 * 禁用词/慎用词: terms news copy must not (error) or should not (warning) use, which the 校对
 * checker reports with the suggestion and the note. Seeded from src/proofreading/data/sensitiveTerms.json
 * (新华社《新闻信息报道中的禁用词和慎用词》); administrators add the paper's own.
 */
export const ProofreadingTerms: CollectionConfig = {
  slug: 'proofreading-terms',
  labels: { singular: label('禁用词/慎用词', 'Proofreading term'), plural: label('禁用词/慎用词', 'Proofreading terms') },
  access: proofreadingTermsAccess,
  admin: { useAsTitle: 'term', defaultColumns: ['term', 'severity', 'suggestion', 'category', 'source'], group: label('系统', 'System'), listSearchableFields: ['term', 'suggestion', 'note'] },
  defaultSort: 'term',
  fields: [
    { name: 'term', type: 'text', required: true, unique: true, label: label('词语', 'Term') },
    {
      name: 'severity',
      type: 'select',
      required: true,
      defaultValue: 'error',
      label: label('级别', 'Severity'),
      options: [option('error', '禁用（差错）', 'Must not use'), option('warning', '慎用（提示）', 'Use with care')],
    },
    { name: 'suggestion', type: 'text', label: label('建议用语', 'Suggestion') },
    {
      name: 'exceptions',
      type: 'text',
      hasMany: true,
      label: label('不算违规的词', 'Exceptions'),
      admin: { description: label('包含该词但用法正确的较长词语，例如“天王”的“天王星”。', 'Longer correct words that contain the term.') },
    },
    { name: 'category', type: 'text', label: label('类别', 'Category'), admin: { placeholder: '时政和社会生活类' } },
    { name: 'note', type: 'textarea', label: label('说明', 'Note') },
    { name: 'source', type: 'text', label: label('出处', 'Source'), admin: { placeholder: '新华社《新闻信息报道中的禁用词和慎用词》（2016年7月修订）' } },
  ],
}
