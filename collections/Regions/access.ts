import type { CollectionConfig } from 'payload'

import { publicReadEditorsWrite } from '../../src/access/rules'

export const regionsAccess: CollectionConfig['access'] = publicReadEditorsWrite
