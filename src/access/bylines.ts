import type { Access, PayloadRequest, Where } from 'payload'

import { can } from './permissions'
import { isStaffUser } from './roles'

type MaybeUser = PayloadRequest['user']

/**
 * A byline no editor has confirmed yet: a name a journalist proposed from the article's byline
 * picker. Rows without a status (MongoDB documents written before the field existed) are
 * confirmed; `not_equals` matches those on both adapters (SQL: `IS NULL OR <> 'pending'`).
 */
export const CONFIRMED_BYLINES: Where = { status: { not_equals: 'pending' } }

/** Journalists may name a new person, but only as a proposal an editor confirms. */
export const proposesPendingBylines = (user: MaybeUser): boolean => isStaffUser(user) && !can(user, 'confirmBylines')

/** Who may confirm, correct or merge a proposed byline. */
export const confirmsBylines = (user: MaybeUser): boolean => can(user, 'confirmBylines')

/** Readers see confirmed bylines only; staff see proposals too, so nobody proposes the same person twice. */
export const readBylines: Access = ({ req }) => (isStaffUser(req.user) ? true : CONFIRMED_BYLINES)

/** Staff may add a byline; for a journalist it is saved as a proposal (Bylines/hooks/proposeAsPending). */
export const createBylines: Access = ({ req }) => isStaffUser(req.user)

/** Editors maintain every byline; a journalist only their own proposal, and only until it is confirmed. */
export const changeOwnProposalOrEditor: Access = ({ req }) => {
  if (confirmsBylines(req.user)) return true
  if (!proposesPendingBylines(req.user) || !req.user) return false
  const ownProposal: Where = { and: [{ proposedBy: { equals: req.user.id } }, { status: { equals: 'pending' } }] }
  return ownProposal
}

export const deleteBylines: Access = ({ req }) => confirmsBylines(req.user)
