import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import type { Byline } from '@payload-types'
import { proposesPendingBylines } from '@/access/bylines'
import { duplicateBylineMessage, sameBylineOrganisation } from '@/newsroom/bylineProposals'

/**
 * A journalist who proposes a name the newsroom already has (same name, same organisation)
 * is sent to the existing byline rather than creating a second person for editors to merge.
 * Editors may add a namesake on purpose: two people can share a name.
 */
export const refuseDuplicateProposal: CollectionBeforeChangeHook<Byline> = async ({ data, originalDoc, req }) => {
  if (!proposesPendingBylines(req.user)) return data
  const name = data.name ?? originalDoc?.name
  if (!name) return data
  const organisation = data.organisation === undefined ? originalDoc?.organisation : data.organisation
  const { docs } = await req.payload.find({
    collection: 'bylines',
    where: { name: { equals: name } },
    depth: 0,
    limit: 50,
    pagination: false,
    overrideAccess: true,
    req,
    select: { name: true, organisation: true, status: true },
  })
  const existing = docs.find((doc) => String(doc.id) !== String(originalDoc?.id ?? '') && sameBylineOrganisation(doc.organisation, organisation))
  if (!existing) return data
  throw new ValidationError({ collection: 'bylines', errors: [{ path: 'name', message: duplicateBylineMessage(existing) }], req }, req.t)
}
