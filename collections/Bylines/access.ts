import type { CollectionConfig } from 'payload'

import { publicReadEditorsWrite } from '../../src/access/rules'

/** Bylines are public (readers browse a person's archive); only editors maintain them. */
export const bylinesAccess: CollectionConfig['access'] = publicReadEditorsWrite
