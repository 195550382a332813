import type { Field } from 'payload'

import { label } from '@collections/shared/labels'

/** First of the article's fields: a returned article opens on the editor's reason for returning it. */
export const returnNoteField: Field = {
  name: 'returnNote',
  type: 'ui',
  label: label('退回理由', 'Return note'),
  admin: { disableListColumn: true, components: { Field: '/src/admin/components/ReturnNoteBanner#ReturnNoteBanner' } },
}
