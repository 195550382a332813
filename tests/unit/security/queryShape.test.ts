import type { FlattenedField } from 'payload'

import { MAX_SORT_FIELDS, MAX_WHERE_DEPTH } from '@/security/apiLimits'
import { queryProblemsOf, sortProblemsOf } from '@/security/queryShape'

const fields = [
  { name: 'title', type: 'text' },
  { name: 'body', type: 'richText' },
  { name: 'data', type: 'json' },
  { name: 'location', type: 'point' },
  { name: 'publishedAt', type: 'date' },
  { name: 'installment', type: 'group', flattenedFields: [{ name: 'number', type: 'number' }] },
  { name: 'column', type: 'relationship', relationTo: 'columns' },
  { name: 'tags', type: 'relationship', relationTo: 'tags', hasMany: true },
  { name: 'bylines', type: 'array', flattenedFields: [{ name: 'role', type: 'select', options: [] }] },
] as unknown as FlattenedField[]
const fieldsOf = (slug: string) => (slug === 'columns' ? ([{ name: 'name', type: 'text' }] as unknown as FlattenedField[]) : undefined)
const isId = (value: unknown) => /^\d+$/.test(String(value))
const whereProblems = (where: unknown) => queryProblemsOf(where, fields, { isId, fieldsOf })
const sortProblems = (sort: unknown) => sortProblemsOf(sort, fields, { fieldsOf })

describe('queryProblemsOf', () => {
  it.each(['near', 'within', 'intersects'])('refuses the geometry operator %s on a field that is not a point, naming the condition', (operator) => {
    expect(whereProblems({ title: { [operator]: '1,2' } })).toEqual([{ path: `where.title.${operator}`, message: `「${operator}」只能用于地理坐标字段（geometry operators need a point field）` }])
    expect(whereProblems({ location: { [operator]: '1,2' } })).toEqual([])
  })

  it('refuses a path into a rich text or JSON value, and allows comparing the value whole', () => {
    expect(whereProblems({ 'body.root.children.text': { like: 'x' } })).toEqual([{ path: 'where.body.root.children.text', message: expect.stringMatching(/^不能按「body」的内部内容查询/) }])
    expect(whereProblems({ 'data.a': { equals: 'x' } })).toEqual([{ path: 'where.data.a', message: expect.stringMatching(/^不能按「data」的内部内容查询/) }])
    expect(whereProblems({ body: { like: 'x' } })).toEqual([])
  })

  it('checks conditions under AND and OR as GraphQL spells them', () => {
    expect(whereProblems({ AND: [{ OR: [{ publishedAt: { greater_than: 'tomorrow' } }] }] })).toEqual([{ path: 'where.AND.0.OR.0.publishedAt.greater_than', message: expect.stringContaining('日期时间') }])
  })

  it(`refuses and/or nested deeper than ${MAX_WHERE_DEPTH} levels, however deep they go`, () => {
    const nested = (levels: number) => {
      let where: Record<string, unknown> = { title: { equals: 'x' } }
      for (let level = 0; level < levels; level += 1) where = { and: [where] }
      return where
    }
    expect(whereProblems(nested(MAX_WHERE_DEPTH))).toEqual([])
    expect(whereProblems(nested(MAX_WHERE_DEPTH + 1))).toEqual([{ path: `where${'.and.0'.repeat(MAX_WHERE_DEPTH)}.and`, message: expect.stringContaining(`最多嵌套 ${MAX_WHERE_DEPTH} 层`) }])
    expect(whereProblems(nested(100_000))).toHaveLength(1)
  })
})

describe('sortProblemsOf', () => {
  it('accepts up to three sortable fields, descending or not, through groups and relationships', () => {
    expect(sortProblems(['-publishedAt', 'installment.number', 'column.name'])).toEqual([])
    expect(sortProblems('title,-id')).toEqual([])
  })

  it(`refuses more than ${MAX_SORT_FIELDS} sort fields, counting them`, () => {
    expect(sortProblems(Array.from({ length: 2000 }, () => 'title'))).toEqual([{ path: 'sort', message: `最多按 ${MAX_SORT_FIELDS} 个字段排序，现有 2000 个（at most ${MAX_SORT_FIELDS} sort fields）` }])
  })

  it('refuses unknown fields and fields that hold no single comparable value, naming them', () => {
    expect(sortProblems(['bogus', '-body'])).toEqual([{ path: 'sort', message: '不能按“bogus”、“-body”排序：没有这个字段，或这个字段不能排序（unknown or unsortable field）' }])
    for (const sort of ['tags', 'installment', 'bylines', 'column.nope', 'body.root']) expect([sort, sortProblems(sort)]).toEqual([sort, [expect.objectContaining({ path: 'sort' })]])
  })

  it('refuses a sort that is not field names', () => {
    expect(sortProblems({ title: 'asc' })).toEqual([{ path: 'sort', message: expect.stringContaining('排序应为字段名') }])
  })
})
