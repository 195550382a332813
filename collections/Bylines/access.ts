import type { CollectionConfig } from 'payload'

import { anyone, editorsOnly } from '../../src/access/rules'

/** Bylines are public (readers browse a person's archive); only editors maintain them. */
export const bylinesAccess: CollectionConfig['access'] = {
  read: anyone,
  create: editorsOnly,
  update: editorsOnly,
  delete: editorsOnly,
}
