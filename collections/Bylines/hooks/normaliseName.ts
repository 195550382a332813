import type { FieldHook } from 'payload'

import { normaliseDisplayName } from '@/newsroom/names'

/** `张 毅` as printed and `张毅` as typed are one person: store the unpadded form. */
export const normaliseName: FieldHook = ({ value }) =>
  typeof value === 'string' ? normaliseDisplayName(value) : value
