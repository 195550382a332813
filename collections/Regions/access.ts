import type { CollectionConfig } from 'payload'

import { publicReadEditorsWrite } from '@/access/rules'

export const regionsAccess: CollectionConfig['access'] = publicReadEditorsWrite
