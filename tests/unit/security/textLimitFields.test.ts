import type { Field } from 'payload'

import { mapDataFields, withTextLimit, withTextLimits } from '@/security/textLimitFields'

type Validate = (value: unknown, options: Record<string, unknown>) => unknown
const options = { req: { payload: { config: {} }, t: (key: string) => key }, required: false }
const validateOf = (field: Field) => (field as { validate: Validate }).validate

describe('withTextLimit', () => {
  const title: Field = { name: 'title', type: 'text', required: true, label: { zh: '主题', en: 'Headline' } }

  it('sets maxLength and tells the editor the limit in both languages', () => {
    const limited = withTextLimit(title, 200) as { maxLength: number; admin: { description: unknown } }
    expect(limited.maxLength).toBe(200)
    expect(limited.admin.description).toEqual({ zh: '最多 200 个字。', en: 'At most 200 characters.' })
    const described = withTextLimit({ ...title, admin: { description: { zh: '印在主题上方。', en: 'Printed above.' } } }, 100) as { admin: { description: unknown } }
    expect(described.admin.description).toEqual({ zh: '印在主题上方。最多 100 个字。', en: 'Printed above. At most 100 characters.' })
  })

  it('says nothing in the description of a hidden field, which nobody types into', () => {
    const hidden = withTextLimit({ name: 'pinyin', type: 'text', admin: { hidden: true } }, 1000) as { admin: { description?: unknown } }
    expect(hidden.admin.description).toBeUndefined()
  })

  it('refuses one character too many with a Chinese message, counting 𠀋 as one character', async () => {
    const validate = validateOf(withTextLimit(title, 3))
    expect(await validate('𠀋𠀋𠀋', { ...options, required: true })).toBe(true)
    expect(await validate('一二三四', { ...options, required: true })).toBe('主题最多 3 个字，现有 4 个字（at most 3 characters）')
  })

  it("still runs the field's own validation, or Payload's when it has none", async () => {
    const required = validateOf(withTextLimit(title, 3))
    expect(await required('', { ...options, required: true })).toBe('validation:required')
    const own = validateOf(withTextLimit({ name: 'label', type: 'text', validate: (value: unknown) => (value === '【】' ? '不要输入【】' : true) }, 3))
    expect(await own('【】', options)).toBe('不要输入【】')
  })

  it('leaves fields that are not text alone', () => {
    const date: Field = { name: 'publishedAt', type: 'date' }
    expect(withTextLimit(date, 10)).toBe(date)
  })
})

describe('mapDataFields', () => {
  it('visits every data field with its path through tabs, rows, named groups and arrays', () => {
    const fields: Field[] = [
      { type: 'tabs', tabs: [{ label: '正文', fields: [{ name: 'title', type: 'text' }, { type: 'row', fields: [{ name: 'kicker', type: 'text' }] }] }, { name: 'meta', label: '元数据', fields: [{ name: 'note', type: 'text' }] }] },
      { name: 'installment', type: 'group', fields: [{ name: 'partName', type: 'text' }] },
      { name: 'corrections', type: 'array', fields: [{ name: 'note', type: 'textarea' }] },
    ]
    const paths: string[] = []
    mapDataFields(fields, (field, path) => (paths.push(path), field))
    expect(paths).toEqual(['title', 'kicker', 'meta.note', 'installment.partName', 'corrections.note'])
  })

  it('applies a table of limits by data path', () => {
    const [group] = withTextLimits([{ name: 'seo', type: 'group', fields: [{ name: 'title', type: 'text' }] }], { 'seo.title': 200 }) as { fields: { maxLength?: number }[] }[]
    expect(group.fields[0].maxLength).toBe(200)
  })
})
