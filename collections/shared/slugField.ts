import type { Field, FieldHook } from 'payload'

import { SLUG_PATTERN, slugify, withSuffix } from '@/newsroom/slug'
import { leadingCharacters } from '@/security/textLimits'
import { label } from './labels'

type CollectionWithSlug = 'articles' | 'columns' | 'bylines' | 'tags' | 'regions' | 'channels'

/**
 * A slug is generated once from the source field and then left alone, so that links
 * already shared keep working when a headline is edited. Editors may set one by hand.
 */
export function slugField(collection: CollectionWithSlug, sourceField: string, maxLength = 60): Field {
  const fillFromSource: FieldHook = async ({ value, data, originalDoc, req }) => {
    if (typeof value === 'string' && value.trim()) return value.trim()
    const source = (data?.[sourceField] ?? originalDoc?.[sourceField]) as unknown
    if (typeof source !== 'string' || !source.trim()) return value
    // A slug of maxLength letters comes from the first few dozen characters; pinyin-pro over a
    // whole over-long text (a draft skips validation) costs seconds and ~100 MB per MB.
    const base = slugify(leadingCharacters(source, maxLength * 4), maxLength)
    for (let attempt = 1; attempt < 1000; attempt += 1) {
      const candidate = withSuffix(base, attempt)
      const taken = await req.payload.count({
        collection,
        where: {
          and: [
            { slug: { equals: candidate } },
            ...(originalDoc?.id != null ? [{ id: { not_equals: originalDoc.id } }] : []),
          ],
        },
        req,
        overrideAccess: true,
      })
      if (taken.totalDocs === 0) return candidate
    }
    throw new Error(`无法为“${source}”生成不重复的网址别名`)
  }

  return {
    name: 'slug',
    type: 'text',
    label: label('网址别名', 'Slug'),
    unique: true,
    index: true,
    admin: {
      position: 'sidebar',
      description: label(
        '留空则按标题拼音自动生成，生成后不随标题改变；只能使用小写字母、数字和连字符。',
        'Generated from the pinyin of the title when left empty, then kept stable. Lowercase letters, digits and hyphens only.',
      ),
    },
    hooks: { beforeValidate: [fillFromSource] },
    validate: (value: unknown) => {
      if (value == null || value === '') return true
      if (typeof value === 'string' && SLUG_PATTERN.test(value)) return true
      return '网址别名只能包含小写字母、数字和连字符（例如 zhang-fu-fang）'
    },
  }
}
