import { pinyin } from 'pinyin-pro'

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * Readable, URL-safe slugs from Chinese text: `张福芳` → `zhang-fu-fang`. Chosen over
 * percent-encoded Chinese (unreadable when shared) and over database ids (numbers on
 * SQLite, ObjectIds on MongoDB: they would change with the adapter).
 */
export function slugify(text: string, maxLength = 60): string {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
  const words = syllables
    .flatMap((syllable) => syllable.toLowerCase().split(/[^a-z0-9]+/))
    .filter(Boolean)
  let slug = ''
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word
    if (next.length > maxLength) break
    slug = next
  }
  return slug || 'untitled'
}

export function withSuffix(slug: string, attempt: number): string {
  return attempt <= 1 ? slug : `${slug}-${attempt}`
}
