import { snippetOf } from '@/search/query'

describe('search snippets', () => {
  it('starts shortly before the first match and marks every occurrence', () => {
    const text = `${'前文'.repeat(40)}盘活“三资”是关键，三资管理要规范。${'后文'.repeat(60)}`
    const { snippet, highlights } = snippetOf(text, '三资')
    expect(snippet.startsWith('…')).toBe(true)
    expect(snippet.endsWith('…')).toBe(true)
    expect(highlights.map(([start, end]) => snippet.slice(start, end))).toEqual(['三资', '三资'])
  })

  it('prefers a window holding every word of the query over the first match alone', () => {
    const text = `南坪街道召开会议。${'其他内容'.repeat(60)}南坪街道的“店小二”服务受到称赞。`
    const { snippet, highlights } = snippetOf(text, '南坪街道 店小二')
    expect(highlights.map(([start, end]) => snippet.slice(start, end))).toEqual(['南坪街道', '店小二'])
  })

  it('falls back to the opening when no word occurs, and never splits a character in two', () => {
    expect(snippetOf('短文一篇。', '不存在').snippet).toBe('短文一篇。')
    const rare = '𠀋'.repeat(200)
    const { snippet } = snippetOf(rare, '𠀋')
    expect(snippet.replace(/…/g, '')).toMatch(/^(?:𠀋)+$/u)
  })

  it('matches Latin words case-insensitively and full-width forms as half-width', () => {
    const { snippet, highlights } = snippetOf('ＡＩ识别系统上线，AI 助力执法。', 'ai')
    expect(highlights.map(([start, end]) => snippet.slice(start, end))).toEqual(['AI', 'AI'])
  })
})
