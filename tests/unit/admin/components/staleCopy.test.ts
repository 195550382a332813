import { changedFields, fieldLabels, plainTextOf, staleCopyHeadline, unsavedChangesText } from '@/admin/components/staleCopy'

const translate = (label: unknown) => (label as { zh?: string } | undefined)?.zh ?? ''
const labels = fieldLabels(
  [
    { name: 'editSafeguards', type: 'ui', label: { zh: '编辑提示' } },
    {
      type: 'tabs',
      tabs: [
        { fields: [{ name: 'kicker', type: 'text', label: { zh: '引题' } }, { name: 'title', type: 'text', label: { zh: '主题' } }, { name: 'body', type: 'richText', label: { zh: '正文' } }] },
        { fields: [{ type: 'row', fields: [{ name: 'tags', type: 'relationship', label: { zh: '标签' } }] }, { name: 'print', type: 'group', label: { zh: '见报版面' }, fields: [{ name: 'pageNumber', type: 'number' }] }] },
      ],
    },
    { name: 'workflowState', type: 'select', label: { zh: '流程状态' } },
    { name: 'creditedBylines', type: 'text', label: { zh: '署名作者（自动）' }, admin: { hidden: true } },
  ],
  translate,
)

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] })
const body = (...texts: string[]) => ({ root: { type: 'root', children: texts.map(paragraph) } })

describe('the stale-copy banner’s words', () => {
  it('says who changed the article and when in Beijing time, or that it was the editor’s other window', () => {
    const changedAt = '2026-12-05T01:32:00.000Z'
    expect(staleCopyHeadline({ changedAt, changedBy: { id: 2, name: '演示管理员' }, byYou: false })).toBe('这篇稿件已于 2026年12月5日 09:32 被演示管理员修改')
    expect(staleCopyHeadline({ changedAt, changedBy: { id: 3, name: '演示编辑' }, byYou: true })).toBe('您在另一个窗口中修改过这篇稿件（2026年12月5日 09:32）')
    expect(staleCopyHeadline({ changedAt, changedBy: null, byYou: false })).toBe('这篇稿件已于 2026年12月5日 09:32 被他人修改')
  })

  it('labels the fields a person types, through tabs and rows, leaving out ui, hidden and server-kept ones', () => {
    expect([...labels]).toEqual([
      ['kicker', '引题'],
      ['title', '主题'],
      ['body', '正文'],
      ['tags', '标签'],
      ['print', '见报版面'],
    ])
  })

  it('lists the changed fields, treating empty and missing alike and a populated relationship as its id', () => {
    const before = { title: '主题', kicker: null, body: body('第一段'), tags: [{ id: 4, name: '民生' }], print: { pageNumber: null }, updatedAt: 'a' }
    const after = { title: '主题', kicker: '', body: body('第一段', '第二段'), tags: [4], print: { pageNumber: 3 }, updatedAt: 'b' }
    expect(changedFields(before, after, labels)).toEqual(['正文', '见报版面'])
  })

  it('copies this window’s unsaved changes as plain text, field by field', () => {
    const saved = { title: '主题', body: body('第一段') }
    const current = { title: '改过的主题', body: body('第一段', '补写的第二段'), kicker: '', tags: 0 }
    expect(unsavedChangesText(saved, current, labels)).toBe('【主题】\n改过的主题\n\n【正文】\n第一段\n补写的第二段')
    expect(unsavedChangesText({ title: '主题' }, { title: '' }, labels)).toBe('【主题】\n（已清空）')
    expect(plainTextOf({ pageNumber: 3, pageName: '城市新闻' })).toBe('3\n城市新闻')
  })
})
