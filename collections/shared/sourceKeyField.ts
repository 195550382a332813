import type { Field, FieldAccess } from 'payload'

import { staffOnlyField } from '@/access/rules'
import { label } from './labels'

/**
 * The importer and the seed are server code calling the Local API; REST, GraphQL and the
 * admin are clients. A key sent by a client would make a real import of that page answer
 * "already imported" and create nothing, so a client's value is dropped.
 */
const setByServerCodeOnly: FieldAccess = ({ req }) => req.payloadAPI === 'local'

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
  access: { read: staffOnlyField, create: setByServerCodeOnly, update: () => false },
  admin: { position: 'sidebar', readOnly: true },
}
