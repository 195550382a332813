import type { FlattenedField } from 'payload'

import { type IdCheck, isDateLike, isPlainObject, type ShapeProblem } from './requestShape'

/**
 * Payload refuses unknown query paths and operators itself, but passes the values through:
 * `publishedAt > "tomorrow"` or `column = "abc"` then reach the database driver, which
 * throws, and the client gets a 500. This checks the values of typed fields so those
 * become 400s naming the condition.
 */
export type FieldsOf = (collectionSlug: string) => readonly FlattenedField[] | undefined

const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const TEXT_OPERATORS = new Set(['like', 'not_like', 'contains'])
const GEOMETRY_OPERATORS = new Set(['near', 'within', 'intersects'])

export function queryProblemsOf(where: unknown, fields: readonly FlattenedField[], options: { isId: IdCheck; fieldsOf: FieldsOf }): ShapeProblem[] {
  const problems: ShapeProblem[] = []
  visit(where, 'where')
  return problems

  function visit(clause: unknown, path: string): void {
    if (!isPlainObject(clause)) return void problems.push({ path, message: '查询条件应为对象（expected an object）' })
    for (const [key, condition] of Object.entries(clause)) {
      if (key === 'and' || key === 'or') {
        const branches = Array.isArray(condition) ? condition : isPlainObject(condition) ? Object.values(condition) : null
        if (!branches) problems.push({ path: `${path}.${key}`, message: '应为条件数组（expected a list of conditions）' })
        else branches.forEach((branch, index) => visit(branch, `${path}.${key}.${index}`))
        continue
      }
      if (!isPlainObject(condition)) {
        problems.push({ path: `${path}.${key}`, message: '应为「运算符: 值」形式，如 { "equals": … }（expected { operator: value }）' })
        continue
      }
      const check = valueCheckFor(key)
      for (const [operator, value] of Object.entries(condition)) {
        const problem = problemWith(operator, value, check)
        if (problem) problems.push({ path: `${path}.${key}.${operator}`, message: problem })
      }
    }
  }

  function valueCheckFor(queryPath: string): ValueCheck | null {
    if (queryPath === 'id' || queryPath.endsWith('.id')) return { accepts: options.isId, expected: '条目编号（a document id）' }
    const field = resolvePath(queryPath.split('.'), fields, options.fieldsOf)
    if (!field) return null
    switch (field.type) {
      case 'number':
        return { accepts: (value) => value !== '' && Number.isFinite(Number(value)), expected: '数字（a number）' }
      case 'date':
        return { accepts: isDateLike, expected: '日期时间（an ISO date）' }
      case 'checkbox':
        return { accepts: (value) => value === true || value === false || value === 'true' || value === 'false', expected: 'true 或 false（a boolean）' }
      case 'relationship':
      case 'upload':
        return typeof field.relationTo === 'string' ? { accepts: options.isId, expected: '关联条目的编号（a document id）' } : null
      default:
        return null
    }
  }
}

type ValueCheck = { accepts: (value: unknown) => boolean; expected: string }

function problemWith(operator: string, value: unknown, check: ValueCheck | null): string | null {
  if (GEOMETRY_OPERATORS.has(operator)) return null
  if (operator === 'exists') return value === true || value === false || value === 'true' || value === 'false' ? null : '「exists」的值应为 true 或 false'
  if (LIST_OPERATORS.has(operator)) {
    const values = listOf(value)
    if (!values.every((item) => isScalar(item) && item !== null && item !== 'null')) return '值应为一组取值，如 1,2,3（expected a list of values）'
    return !check || values.every(check.accepts) ? null : `值应为${check.expected}`
  }
  // A parameter given twice arrives as an array, which Payload's drivers cannot compare with.
  if (!isScalar(value)) return '值应为单个取值，不能是数组或对象（expected a single value; is the parameter repeated?）'
  // Payload reads `null`/"null" as "is empty" for every operator.
  if (value === null || value === 'null' || !check || TEXT_OPERATORS.has(operator)) return null
  return check.accepts(value) ? null : `值应为${check.expected}`
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}

/** Lists arrive as arrays (JSON, qs `a[0]=`) or comma-separated strings. */
function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value
  if (typeof value === 'string') return value.split(',')
  return [value]
}

/** Follows a dotted path through groups, arrays, named tabs and single-collection relationships. */
function resolvePath(segments: string[], fields: readonly FlattenedField[], fieldsOf: FieldsOf): FlattenedField | null {
  const [head, ...rest] = segments
  const field = fields.find((candidate) => candidate.name === head)
  if (!field || rest.length === 0) return field ?? null
  if (field.type === 'group' || field.type === 'array' || field.type === 'tab') return resolvePath(rest, field.flattenedFields, fieldsOf)
  if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string') {
    const related = fieldsOf(field.relationTo)
    return related ? resolvePath(rest, related, fieldsOf) : null
  }
  return null
}
