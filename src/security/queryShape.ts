import type { FlattenedField } from 'payload'

import { MAX_SORT_FIELDS, MAX_WHERE_DEPTH } from './apiLimits'
import { type IdCheck, isDateLike, isPlainObject, type ShapeProblem } from './requestShape'

/**
 * Payload refuses unknown query paths and operators itself, but passes the values through:
 * `publishedAt > "tomorrow"` or `column = "abc"` then reach the database driver, which
 * throws, and the client gets a 500. So do geometry operators on fields that are not points
 * and paths into a rich text or JSON value, which SQLite's adapter turns into SQL naming
 * columns that do not exist. This checks those so they become 400s naming the condition.
 */
export type FieldsOf = (collectionSlug: string) => readonly FlattenedField[] | undefined

const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const TEXT_OPERATORS = new Set(['like', 'not_like', 'contains'])
const GEOMETRY_OPERATORS = new Set(['near', 'within', 'intersects'])
/** Values stored whole, as one JSON document: Payload can compare them but not reach inside. */
const OPAQUE_TYPES = new Set(['richText', 'json'])

export function queryProblemsOf(where: unknown, fields: readonly FlattenedField[], options: { isId: IdCheck; fieldsOf: FieldsOf }): ShapeProblem[] {
  const problems: ShapeProblem[] = []
  visit(where, 'where', 0)
  return problems

  function visit(clause: unknown, path: string, depth: number): void {
    if (!isPlainObject(clause)) return void problems.push({ path, message: '查询条件应为对象（expected an object）' })
    for (const [key, condition] of Object.entries(clause)) {
      // GraphQL's where input spells them AND and OR; Payload reads either case.
      if (key.toLowerCase() === 'and' || key.toLowerCase() === 'or') {
        const branches = Array.isArray(condition) ? condition : isPlainObject(condition) ? Object.values(condition) : null
        if (!branches) problems.push({ path: `${path}.${key}`, message: '应为条件数组（expected a list of conditions）' })
        else if (depth >= MAX_WHERE_DEPTH) problems.push({ path: `${path}.${key}`, message: `and/or 最多嵌套 ${MAX_WHERE_DEPTH} 层（conditions nested too deeply）` })
        else branches.forEach((branch, index) => visit(branch, `${path}.${key}.${index}`, depth + 1))
        continue
      }
      if (!isPlainObject(condition)) {
        problems.push({ path: `${path}.${key}`, message: '应为「运算符: 值」形式，如 { "equals": … }（expected { operator: value }）' })
        continue
      }
      const target = queryPath(key) ? resolvePath(key.split('.'), fields, options.fieldsOf) : null
      if (target && target.rest.length > 0 && OPAQUE_TYPES.has(target.field.type)) {
        problems.push({ path: `${path}.${key}`, message: `不能按「${target.field.name}」的内部内容查询：富文本和 JSON 字段只能整体比较（cannot query inside a rich text or JSON field）` })
        continue
      }
      const check = valueCheckFor(key, target)
      for (const [operator, value] of Object.entries(condition)) {
        const problem = GEOMETRY_OPERATORS.has(operator) && target?.field.type !== 'point'
          ? `「${operator}」只能用于地理坐标字段（geometry operators need a point field）`
          : problemWith(operator, value, check)
        if (problem) problems.push({ path: `${path}.${key}.${operator}`, message: problem })
      }
    }
  }

  function valueCheckFor(queryPath: string, target: Resolved | null): ValueCheck | null {
    if (queryPath === 'id' || queryPath.endsWith('.id')) return { accepts: options.isId, expected: '条目编号（a document id）' }
    if (!target || target.rest.length > 0) return null
    const { field } = target
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
  // Payload's own point handling checks the value of a geometry condition on a point field.
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

/** The field a path ends at, with whatever of the path lies beyond a field it cannot enter. */
type Resolved = { field: FlattenedField; rest: string[] }

/** Follows a dotted path through groups, arrays, named tabs and single-collection relationships. */
function resolvePath(segments: string[], fields: readonly FlattenedField[], fieldsOf: FieldsOf): Resolved | null {
  const [head, ...rest] = segments
  const field = fields.find((candidate) => candidate.name === head)
  if (!field || rest.length === 0) return field ? { field, rest } : null
  if (field.type === 'group' || field.type === 'array' || field.type === 'tab') return resolvePath(rest, field.flattenedFields, fieldsOf)
  if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string') {
    const related = fieldsOf(field.relationTo)
    return related ? resolvePath(rest, related, fieldsOf) : null
  }
  return { field, rest }
}

function queryPath(key: string): boolean {
  return key !== '' && !key.startsWith('.') && !key.endsWith('.')
}

/** Types whose value is one comparable column: a relationship sorts by the related id. */
const SORTABLE_TYPES = new Set(['text', 'textarea', 'email', 'code', 'number', 'date', 'checkbox', 'select', 'radio', 'relationship', 'upload'])

/**
 * `sort` arrives as a comma-separated string or a list. Payload passes every entry to the
 * database, 2,000 of them too (a 500 from SQLite), and quietly ignores names it does not know.
 */
export function sortProblemsOf(sort: unknown, fields: readonly FlattenedField[], options: { fieldsOf: FieldsOf }): ShapeProblem[] {
  const entries = typeof sort === 'string' ? sort.split(',') : sort
  if (!Array.isArray(entries) || !entries.every((entry) => typeof entry === 'string')) {
    return [{ path: 'sort', message: '排序应为字段名，多个用逗号分隔，如 -publishedAt,title（expected field names）' }]
  }
  const named = entries.filter(Boolean)
  if (named.length > MAX_SORT_FIELDS) return [{ path: 'sort', message: `最多按 ${MAX_SORT_FIELDS} 个字段排序，现有 ${named.length} 个（at most ${MAX_SORT_FIELDS} sort fields）` }]
  const refused = named.filter((entry) => !isSortable(entry.replace(/^-/, ''), fields, options.fieldsOf))
  if (refused.length === 0) return []
  const names = refused.map((entry) => `“${entry.slice(0, 60)}”`).join('、')
  return [{ path: 'sort', message: `不能按${names}排序：没有这个字段，或这个字段不能排序（unknown or unsortable field）` }]
}

function isSortable(path: string, fields: readonly FlattenedField[], fieldsOf: FieldsOf): boolean {
  if (path === 'id') return true
  const target = queryPath(path) ? resolvePath(path.split('.'), fields, fieldsOf) : null
  if (!target || target.rest.length > 0 || !SORTABLE_TYPES.has(target.field.type)) return false
  return !('hasMany' in target.field && target.field.hasMany)
}
