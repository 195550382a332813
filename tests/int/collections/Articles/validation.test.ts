import { useTestPayload } from '../../../helpers/payload'
import { validationMessages } from '../../../helpers/validation'

const db = useTestPayload()

describe('article validation', () => {
  it('refuses an article without a headline, naming 主题 in Chinese', async () => {
    const message = await validationMessages(() => db.payload.create({ collection: 'articles', data: { title: '' } as never }))
    expect(message).toMatch(/主题/)
    expect(message).toMatch(/[\u4e00-\u9fff]/u)
  })

  it('refuses an installment number when the article has no column', async () => {
    const message = await validationMessages(() =>
      db.payload.create({ collection: 'articles', data: { title: '无专栏稿件', installment: { number: 2 } } as never }),
    )
    expect(message).toContain('填写期号前请先选择所属专栏')
  })

  it('refuses a hand-written slug that is not URL-safe', async () => {
    const message = await validationMessages(() =>
      db.payload.create({ collection: 'articles', data: { title: '测试', slug: '中文别名' } as never }),
    )
    expect(message).toContain('网址别名只能包含小写字母、数字和连字符')
  })

  it('generates a pinyin slug once and keeps it when the headline changes', async () => {
    const created = await db.payload.create({ collection: 'articles', data: { title: '红色网格' } as never, draft: true })
    expect(created.slug).toBe('hong-se-wang-ge')
    const updated = await db.payload.update({ collection: 'articles', id: created.id, data: { title: '红色网格治理' }, draft: true })
    expect(updated.slug).toBe('hong-se-wang-ge')
    const twin = await db.payload.create({ collection: 'articles', data: { title: '红色网格' } as never, draft: true })
    expect(twin.slug).toBe('hong-se-wang-ge-2')
  })
})

describe('byline names', () => {
  it('stores a print-padded name without its padding: 张 毅 becomes 张毅', async () => {
    const byline = await db.payload.create({ collection: 'bylines', data: { name: '张 毅', kind: 'staff' } })
    expect(byline.name).toBe('张毅')
    expect(byline.slug).toBe('zhang-yi')
  })

  it('refuses a name carrying layout brackets, in Chinese', async () => {
    const message = await validationMessages(() => db.payload.create({ collection: 'bylines', data: { name: '(李重臣)', kind: 'staff' } }))
    expect(message).toContain('署名中不能包含括号')
  })

  it('refuses a name that is only spaces', async () => {
    const message = await validationMessages(() => db.payload.create({ collection: 'bylines', data: { name: ' 　 ', kind: 'staff' } }))
    expect(message).toMatch(/署名/)
  })
})

describe('regions', () => {
  it('stores the full place name and refuses a parent chain that loops', async () => {
    const city = await db.payload.create({ collection: 'regions', data: { name: '长沙市', kind: 'city' } })
    const district = await db.payload.create({ collection: 'regions', data: { name: '天心区', kind: 'district', parent: city.id } })
    expect(district.path).toBe('长沙市 › 天心区')
    await expect(db.payload.update({ collection: 'regions', id: city.id, data: { parent: district.id } })).rejects.toThrow(
      '上级地区不能形成循环',
    )
  })
})
