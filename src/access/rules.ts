import type { Access, FieldAccess } from 'payload'

import { can, type Permission } from './permissions'
import { isOwnAccount, isStaffUser } from './roles'

/**
 * The access rules every collection is built from, each asking the permission table
 * (./permissions). Staff are users holding a role; readers are anonymous. Issue-specific
 * rules (a journalist's own drafts, workflow transitions) compose these.
 */
export const anyone: Access = () => true
export const staffOnly: Access = ({ req }) => isStaffUser(req.user)

/** Access for the holders of one permission. */
export const allowed =
  (permission: Permission): Access =>
  ({ req }) =>
    can(req.user, permission)

/** Field access for the holders of one permission. */
export const allowedField =
  (permission: Permission): FieldAccess =>
  ({ req }) =>
    can(req.user, permission)

/** Readers see only what Payload's versioning marks as published; staff see everything. */
export const publishedOrStaff: Access = ({ req }) => (isStaffUser(req.user) ? true : { _status: { equals: 'published' } })

/** The holders of a permission reach every account (field rules narrow what they may change there); staff their own. */
export const allowedOrSelf =
  (permission: Permission): Access =>
  ({ req }) => {
    if (can(req.user, permission)) return true
    if (!isStaffUser(req.user) || !req.user) return false
    return { id: { equals: req.user.id } }
  }

export const staffOnlyField: FieldAccess = ({ req }) => isStaffUser(req.user)

/** Reference data readers browse (columns, regions) that only its maintainers change. */
export const publicReadEditorsWrite = {
  read: anyone,
  create: allowed('editReferenceData'),
  update: allowed('editReferenceData'),
  delete: allowed('editReferenceData'),
} as const

/** Derived fields: only the hooks that compute them write them. */
export const nobodyField: FieldAccess = () => false

/** A field of a user account its owner and the holders of a permission may see or change, and other colleagues may not. */
export const selfOrAllowedField =
  (permission: Permission): FieldAccess =>
  ({ req, id, doc }) =>
    can(req.user, permission) || isOwnAccount(req.user, id ?? doc?.id)
