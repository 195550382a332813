import type { CollectionConfig } from 'payload'

import { publicReadEditorsWrite } from '../../src/access/rules'

export const columnsAccess: CollectionConfig['access'] = publicReadEditorsWrite
