import type { Access, FieldAccess } from 'payload'

import { isAdminUser, isEditorialUser, isOwnAccount, isStaffUser } from './roles'

/**
 * The access rules every collection is built from. Staff are users with a known role;
 * readers are anonymous. Issue-specific rules (a journalist's own drafts, workflow
 * transitions) compose these rather than re-deciding who is staff.
 */
export const anyone: Access = () => true
export const staffOnly: Access = ({ req }) => isStaffUser(req.user)
export const editorsOnly: Access = ({ req }) => isEditorialUser(req.user)
export const adminsOnly: Access = ({ req }) => isAdminUser(req.user)

/** Readers see only what Payload's versioning marks as published; staff see everything. */
export const publishedOrStaff: Access = ({ req }) =>
  isStaffUser(req.user) ? true : { _status: { equals: 'published' } }

export const adminsOrSelf: Access = ({ req }) => {
  if (isAdminUser(req.user)) return true
  if (!req.user) return false
  return { id: { equals: req.user.id } }
}

/** Editors and admins reach every account (field rules narrow what they may change there); staff their own. */
export const editorsOrSelf: Access = ({ req }) => {
  if (isEditorialUser(req.user)) return true
  if (!isStaffUser(req.user) || !req.user) return false
  return { id: { equals: req.user.id } }
}

export const staffOnlyField: FieldAccess = ({ req }) => isStaffUser(req.user)
export const adminsOnlyField: FieldAccess = ({ req }) => isAdminUser(req.user)

/** Reference data readers browse (columns, regions) that only editors maintain. */
export const publicReadEditorsWrite = {
  read: anyone,
  create: editorsOnly,
  update: editorsOnly,
  delete: editorsOnly,
} as const

export const editorsOnlyField: FieldAccess = ({ req }) => isEditorialUser(req.user)

/** Derived fields: only the hooks that compute them write them. */
export const nobodyField: FieldAccess = () => false

/** A field of a user account its owner and the editors may see, and colleagues may not. */
export const selfOrEditorsField: FieldAccess = ({ req, id, doc }) => isEditorialUser(req.user) || isOwnAccount(req.user, id ?? doc?.id)
/** A field of a user account only its owner and the administrators may change. */
export const selfOrAdminsField: FieldAccess = ({ req, id, doc }) => isAdminUser(req.user) || isOwnAccount(req.user, id ?? doc?.id)
