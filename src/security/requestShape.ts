import type { FlattenedBlock, FlattenedField } from 'payload'

import { textLimitProblem } from './textLimits'
import type { DocumentId } from '@/data/relationId'

/**
 * Checks a REST/GraphQL write's data against the collection's fields before Payload sees
 * it. Payload silently drops keys it does not know and, for draft saves, skips field
 * validation altogether, so a wrong type either reaches the database (a `"bogus"` article
 * type in a draft) or fails deep inside it as a 500. Here each problem becomes a 400 that
 * names the field path.
 */
export type ShapeProblem = { path: string; message: string }
export type IdCheck = (value: unknown) => boolean
/** A related document the data points at: drafts skip Payload's check that it exists. */
export type Reference = { path: string; relationTo: string; id: DocumentId }
/** A rich text value whose tree is checked separately (src/security/lexicalTree.ts), against its field's editor. */
export type RichTextValue = { path: string; value: Record<string, unknown>; field: FlattenedField }
export type WriteCheck = { problems: ShapeProblem[]; references: Reference[]; richTexts: RichTextValue[] }

/** Keys Payload itself reads from write data besides the configured fields. */
const DOCUMENT_KEYS = new Set(['id', '_status', 'createdAt', 'updatedAt', 'deletedAt'])
const AUTH_KEYS = new Set(['password', 'confirm-password'])
const ROW_KEYS = new Set(['id'])
const BLOCK_KEYS = new Set(['id', 'blockType', 'blockName'])

type Context = WriteCheck & { isId: IdCheck }

export function checkWriteData(data: unknown, fields: readonly FlattenedField[], options: { isId: IdCheck; isAuthCollection?: boolean }): WriteCheck {
  const context: Context = { problems: [], references: [], richTexts: [], isId: options.isId }
  if (!isPlainObject(data)) return { problems: [{ path: '', message: '请求数据必须是 JSON 对象（request data must be a JSON object）' }], references: [], richTexts: [] }
  const extraKeys = options.isAuthCollection ? new Set([...DOCUMENT_KEYS, ...AUTH_KEYS]) : DOCUMENT_KEYS
  checkObject(data, fields, '', extraKeys, context)
  return { problems: context.problems, references: context.references, richTexts: context.richTexts }
}

/** The data of one block (`{ blockType, … }`), as a blocks field row or a rich text block node holds it. */
export function checkBlockData(row: unknown, blocks: readonly FlattenedBlock[], options: { isId: IdCheck }): WriteCheck {
  const context: Context = { problems: [], references: [], richTexts: [], isId: options.isId }
  checkBlock(row, blocks, undefined, '', context)
  return { problems: context.problems, references: context.references, richTexts: context.richTexts }
}

function checkObject(data: Record<string, unknown>, fields: readonly FlattenedField[], prefix: string, extraKeys: ReadonlySet<string>, context: Context): void {
  const byName = new Map(fields.map((field) => [field.name, field]))
  for (const [key, value] of Object.entries(data)) {
    const path = prefix ? `${prefix}.${key}` : key
    const field = byName.get(key)
    if (field) checkValue(value, field, path, context)
    else if (!extraKeys.has(key)) context.problems.push({ path, message: '没有这个字段（unknown field）' })
  }
}

function checkValue(value: unknown, field: FlattenedField, path: string, context: Context): void {
  // Payload reads a group's sub-fields without a null check, so `null` would be a 500.
  if (value === null && (field.type === 'group' || field.type === 'tab')) return void context.problems.push({ path, message: '应为对象，不能为 null（expected an object）' })
  if (value === null || value === undefined) return
  const problem = (message: string) => context.problems.push({ path, message })
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code': {
      const isText = (item: unknown) => typeof item === 'string'
      if (field.type === 'text' && field.hasMany) {
        if (!Array.isArray(value) || !value.every(isText)) return expectArrayOf(value, path, context, isText, '应为文字（expected text）')
      } else if (!isText(value)) return void problem('应为文字（expected text）')
      // Payload skips validation, maxLength included, for drafts.
      const tooLong = textLimitProblem(value, field)
      if (tooLong) problem(tooLong)
      return
    }
    case 'number':
      if (field.hasMany) return expectArrayOf(value, path, context, isFiniteNumber, '应为数字（expected a number）')
      if (!isFiniteNumber(value)) problem('应为数字（expected a number）')
      return
    case 'checkbox':
      if (typeof value !== 'boolean') problem('应为 true 或 false（expected a boolean）')
      return
    case 'date':
      if (!isDateLike(value)) problem('应为日期时间，如 2025-01-31T08:00:00.000Z（expected an ISO date）')
      return
    case 'select':
    case 'radio': {
      const allowed = new Set(field.options.map((option) => (typeof option === 'string' ? option : option.value)))
      const isAllowed = (item: unknown) => typeof item === 'string' && allowed.has(item)
      const message = `应为以下取值之一：${[...allowed].join(', ')}（expected one of the options）`
      if (field.type === 'select' && field.hasMany) return expectArrayOf(value, path, context, isAllowed, message)
      if (!isAllowed(value)) problem(message)
      return
    }
    case 'relationship':
    case 'upload': {
      const message = '应为关联条目的编号（expected the id of a related document）'
      const items = field.hasMany ? value : [value]
      if (!Array.isArray(items)) return void problem('应为数组（expected an array）')
      items.forEach((item, index) => {
        const itemPath = field.hasMany ? `${path}.${index}` : path
        const reference = referenceOf(item, field.relationTo, context.isId)
        if (reference) context.references.push({ path: itemPath, ...reference })
        else context.problems.push({ path: itemPath, message })
      })
      return
    }
    case 'group':
    case 'tab':
      if (!isPlainObject(value)) return void problem('应为对象（expected an object）')
      return checkObject(value, field.flattenedFields, path, ROW_KEYS, context)
    case 'array':
      if (isEmptyRowCount(value)) return
      if (!Array.isArray(value)) return void problem('应为数组（expected an array）')
      value.forEach((row, index) => {
        if (!isPlainObject(row)) context.problems.push({ path: `${path}.${index}`, message: '应为对象（expected an object）' })
        else checkObject(row, field.flattenedFields, `${path}.${index}`, ROW_KEYS, context)
      })
      return
    case 'blocks':
      if (isEmptyRowCount(value)) return
      if (!Array.isArray(value)) return void problem('应为数组（expected an array）')
      value.forEach((row, index) => checkBlock(row, field.blocks, field.blockReferences, `${path}.${index}`, context))
      return
    case 'richText':
      if (!isLexicalState(value)) problem('应为富文本编辑器的内容（expected a rich text document with a root node）')
      else context.richTexts.push({ path, value, field })
      return
    case 'point':
      if (!Array.isArray(value) || value.length !== 2 || !value.every(isFiniteNumber)) problem('应为经纬度 [经度, 纬度]（expected [lng, lat]）')
      return
    default:
      // json, join and virtual fields take whatever Payload itself accepts.
      return
  }
}

function checkBlock(row: unknown, blocks: readonly FlattenedBlock[], references: unknown, path: string, context: Context): void {
  if (!isPlainObject(row)) return void context.problems.push({ path, message: '应为对象（expected an object）' })
  const block = blocks.find((candidate) => candidate.slug === row.blockType)
  if (block) return checkObject(row, block.flattenedFields, path, BLOCK_KEYS, context)
  // Blocks shared by reference are resolved by Payload at runtime; their data is left to it.
  if (Array.isArray(references) && references.length > 0) return
  context.problems.push({ path: path ? `${path}.blockType` : 'blockType', message: `未知的内容块类型（unknown block type）：${String(row.blockType)}` })
}

function expectArrayOf(value: unknown, path: string, context: Context, isItem: (item: unknown) => boolean, message: string): void {
  if (!Array.isArray(value)) return void context.problems.push({ path, message: `应为数组（expected an array）` })
  value.forEach((item, index) => {
    if (!isItem(item)) context.problems.push({ path: `${path}.${index}`, message })
  })
}

/** An id, a populated document carrying one, or, for polymorphic fields, `{ relationTo, value }`. */
function referenceOf(item: unknown, relationTo: string | string[], isId: IdCheck): Omit<Reference, 'path'> | null {
  const idIn = (candidate: unknown) => (isId(candidate) ? candidate : isPlainObject(candidate) && isId(candidate.id) ? candidate.id : undefined) as DocumentId | undefined
  if (Array.isArray(relationTo)) {
    if (!isPlainObject(item) || !relationTo.includes(item.relationTo as string)) return null
    const id = idIn(item.value)
    return id === undefined ? null : { relationTo: item.relationTo as string, id }
  }
  const id = idIn(item)
  return id === undefined ? null : { relationTo, id }
}

/** The admin's form sends an array or blocks field that has no rows as its row count, 0. */
function isEmptyRowCount(value: unknown): boolean {
  return value === 0
}

function isLexicalState(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value) && isPlainObject(value.root) && Array.isArray(value.root.children)
}

export function isDateLike(value: unknown): boolean {
  if (value instanceof Date) return !Number.isNaN(value.getTime())
  return typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Date.parse(value))
}

export function isFiniteNumber(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value)
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
