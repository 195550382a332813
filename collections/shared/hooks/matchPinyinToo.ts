import type { CollectionBeforeOperationHook, Where } from 'payload'

const LATIN = /^[a-z\s]+$/i

function withPinyin(where: Where, titleField: string): Where {
  const rewritten: Where = {}
  const alternatives: Where[] = []
  for (const [key, value] of Object.entries(where)) {
    if ((key === 'and' || key === 'or') && Array.isArray(value)) {
      rewritten[key] = value.map((clause) => withPinyin(clause as Where, titleField))
      continue
    }
    const like = key === titleField && value && typeof value === 'object' ? (value as { like?: unknown }).like : undefined
    if (typeof like === 'string' && LATIN.test(like.trim())) {
      alternatives.push({ or: [{ [key]: value }, { pinyin: { like: like.trim().toLowerCase().replace(/\s+/g, '') } }] } as Where)
      continue
    }
    rewritten[key] = value
  }
  if (alternatives.length > 0) rewritten.and = [...((rewritten.and as Where[] | undefined) ?? []), ...alternatives]
  return rewritten
}

/**
 * A `like` search on the name also matches its pinyin: the admin's relationship pickers and
 * list search, and the REST and GraphQL APIs, all find 张福芳 by `zhangfufang` or `zff`.
 */
export function matchPinyinToo(titleField: string): CollectionBeforeOperationHook {
  return ({ args, operation }) => {
    const { where } = args as { where?: Where }
    if ((operation !== 'read' && operation !== 'count') || !where) return args
    return { ...args, where: withPinyin(where, titleField) }
  }
}
