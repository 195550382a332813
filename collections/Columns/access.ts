import type { CollectionConfig } from 'payload'

import { publicReadEditorsWrite } from '@/access/rules'

export const columnsAccess: CollectionConfig['access'] = publicReadEditorsWrite
