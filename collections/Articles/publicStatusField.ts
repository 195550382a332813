import type { Field } from 'payload'

import { label } from '@collections/shared/labels'

/**
 * Payload's own `_status` (draft or published), which it adds for versions with drafts; declared
 * here only to change how the admin shows it (Payload merges this into its field, the stored
 * column is the same). A desk works with one status, the 流程状态: the list offers `_status`
 * neither as a column nor as a filter, and where Payload still names it (the version diff)
 * it is labelled as what it is: whether readers can see the article.
 */
export const publicStatusField: Field = {
  name: '_status',
  type: 'select',
  label: label('公开状态（系统）', 'Public status (system)'),
  // Payload's options are kept: it appends any given here to its own.
  options: [],
  admin: { disableListColumn: true, disableListFilter: true },
}
