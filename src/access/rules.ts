import type { Access, FieldAccess } from 'payload'

import { isAdminUser, isEditorialUser, isStaffUser } from './roles'

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

export const staffOnlyField: FieldAccess = ({ req }) => isStaffUser(req.user)
export const adminsOnlyField: FieldAccess = ({ req }) => isAdminUser(req.user)

/** Reference data readers browse (columns, bylines, regions) that only editors maintain. */
export const publicReadEditorsWrite = {
  read: anyone,
  create: editorsOnly,
  update: editorsOnly,
  delete: editorsOnly,
} as const

export const editorsOnlyField: FieldAccess = ({ req }) => isEditorialUser(req.user)

/** Derived fields: only the hooks that compute them write them. */
export const nobodyField: FieldAccess = () => false
