import type { Field } from 'payload'

import { staffOnlyField } from '../../src/access/rules'
import { label } from './labels'

/**
 * Where a document came from (a seed entry, an imported page). Loading the same source
 * again finds the document by this key instead of creating a duplicate, even after an
 * editor has changed its headline.
 */
export const sourceKeyField: Field = {
  name: 'sourceKey',
  type: 'text',
  unique: true,
  index: true,
  label: label('来源标识', 'Source key'),
  access: { read: staffOnlyField, update: () => false },
  admin: { position: 'sidebar', readOnly: true },
}
