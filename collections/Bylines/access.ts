import type { CollectionConfig } from 'payload'

import { changeOwnProposalOrEditor, createBylines, deleteBylines, readBylines } from '@/access/bylines'

/**
 * Confirmed bylines are public (readers browse a person's archive); editors maintain them.
 * Journalists propose new ones, which stay unseen by readers until an editor confirms them.
 */
export const bylinesAccess: CollectionConfig['access'] = {
  read: readBylines,
  create: createBylines,
  update: changeOwnProposalOrEditor,
  delete: deleteBylines,
}
