import type { CollectionConfig } from 'payload'

import { anyone, editorsOnly } from '../../src/access/rules'

export const columnsAccess: CollectionConfig['access'] = {
  read: anyone,
  create: editorsOnly,
  update: editorsOnly,
  delete: editorsOnly,
}
