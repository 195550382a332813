import type { FieldHook } from 'payload'

import { relationId } from '@/data/relationId'
import { chineseLabelOf } from '@/security/textLimits'
import { refusal } from '@collections/shared/errors'

const comparable = (value: unknown, fieldType: string): string => {
  // A hasMany relationship: the same set of documents, in whatever order or depth, is no change.
  if (Array.isArray(value)) return value.map((entry) => String(relationId(entry) ?? entry)).sort().join(',')
  const plain = relationId(value) ?? value ?? ''
  return fieldType === 'email' ? String(plain).trim().toLowerCase() : String(plain)
}

/**
 * Payload drops a field the user may not update without a word, so an API client that set
 * it believes it did. This says no instead, naming the field. The admin sends the whole form,
 * fields the user may only read included: a value equal to the stored one is no change and
 * passes. `custom.whoMayChange` on the field says who may.
 */
export const refuseChangeWithoutAccess: FieldHook = async ({ field, value, previousValue, operation, overrideAccess, req, originalDoc, data, siblingData }) => {
  const mayUpdate = 'access' in field ? field.access?.update : undefined
  const name = 'name' in field ? field.name : undefined
  if (operation !== 'update' || overrideAccess || !mayUpdate || !name) return value
  if (comparable(value, field.type) === comparable(previousValue, field.type)) return value
  if (await mayUpdate({ id: originalDoc?.id, data: data ?? {}, doc: originalDoc, req, siblingData: siblingData ?? {} })) return value
  const who = typeof field.custom?.whoMayChange === 'string' ? `：${field.custom.whoMayChange}` : ''
  throw refusal(`不能修改「${chineseLabelOf({ name, label: field.label })}」（${name}）${who}。`, 403, `${name}-not-yours-to-change`)
}
