import { CACHE_TAGS } from '@/publishing/cacheTags'

const MARKER = '\u0000'
const LONGEST_NAME = 200

/**
 * The names CACHE_TAGS can produce: its fixed names, and each per-item name (`article:<slug>`,
 * `day:<date>`…) read off by calling the function with a marker, so a tag added there is
 * accepted here without a second list.
 */
const names: ReadonlyArray<string | ((value: string) => string)> = Object.values(CACHE_TAGS)
const fixedNames = new Set(names.filter((tag): tag is string => typeof tag === 'string'))
const perItemPrefixes = names
  .filter((tag): tag is (value: string) => string => typeof tag === 'function')
  .map((tag) => tag(MARKER).split(MARKER)[0])

// An item's part (a slug, a date) is printable and has no spaces: surrogate keys are space-separated.
const ITEM = /^[^\s\p{Cc}]+$/u

export function isKnownCacheTag(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > LONGEST_NAME) return false
  if (fixedNames.has(value)) return true
  return perItemPrefixes.some((prefix) => value.startsWith(prefix) && ITEM.test(value.slice(prefix.length)))
}
