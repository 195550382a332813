import { bylineLine, captionOf, datelineOf, noteOf, trailingBylines } from '@/import/blocks'

const names = (bylines: { name: string; role: string }[] | null | undefined) => bylines?.map((byline) => `${byline.role}:${byline.name}`)

describe('datelineOf', () => {
  it.each([
    ['本报讯(记者 李明 通讯员 王刚 张强 文/图)近日，', '本报讯(记者 李明 通讯员 王刚 张强 文/图)', ['staffReporter:李明', 'correspondent:王刚', 'correspondent:张强']],
    ['湖南日报3月3日讯(全媒体记者 刘洋)今天，', '湖南日报3月3日讯(全媒体记者 刘洋)', ['reporter:刘洋']],
    ['本报广州11月28日电 记者王磊报道:昨天，', '本报广州11月28日电 记者王磊报道:', ['staffReporter:王磊']],
    ['新华社渥太华十月二日电 加拿大政府今天宣布', '新华社渥太华十月二日电', ['byline:新华社']],
    ['据新华社布加勒斯特8月18日电 (记者李华)罗马尼亚', '据新华社布加勒斯特8月18日电 (记者李华)', ['reporter:李华']],
    ['【新华社重庆十四日电】据悉，', '【新华社重庆十四日电】', ['byline:新华社']],
  ])('reads %s', (paragraph, text, bylines) => {
    const dateline = datelineOf(paragraph)
    expect(dateline?.text).toBe(text)
    expect(names(dateline?.bylines)).toEqual(bylines)
  })

  it.each(['本报将持续关注电力供应。', '记者从市统计局获悉，', '新华社记者近日走访了'])('finds no dateline in an ordinary opening: %s', (paragraph) => {
    expect(datelineOf(paragraph)).toBeNull()
  })
})

describe('bylineLine', () => {
  it.each([
    ['新华社记者 王明 李刚 通讯员 赵四 本报记者 孙五', ['reporter:王明', 'reporter:李刚', 'correspondent:赵四', 'staffReporter:孙五']],
    ['光明日报记者 王明 李刚', ['reporter:王明', 'reporter:李刚']],
    ['中国气象报记者张三', ['reporter:张三']],
    ['中共新化县委通讯组', ['courtesy:中共新化县委通讯组']],
    ['文/图 张三', ['byline:张三']],
    ['本报全媒体记者 周 磊', ['staffReporter:周磊']],
  ])('reads the names and roles of %s', (line, bylines) => {
    expect(names(bylineLine(line))).toEqual(bylines)
  })

  it.each(['晚报记者', '乡村振兴', '全面推进乡村振兴战略实施', '三管齐下 构建防线'])('finds no byline in %s', (line) => {
    expect(bylineLine(line)).toBeNull()
  })
})

describe('captions and closing names', () => {
  it.each([
    ['村民在田间收割晚稻。张三 摄', '村民在田间收割晚稻。', '张三'],
    ['村民在田间收割晚稻。（新华社记者 李四 摄）', '村民在田间收割晚稻。', '李四'],
    ['村民在田间收割晚稻。本报记者 王五 摄影报道', '村民在田间收割晚稻。', '王五'],
  ])('reads the photographer of %s', (line, caption, credit) => {
    expect(captionOf(line)).toMatchObject({ caption, credit, creditKind: 'photographer' })
  })

  it('reads a brief’s closing names past a stray mark the copy left', () => {
    expect(trailingBylines('全县新增就业岗位1200个。(姚红星)?')).toMatchObject({ rest: '全县新增就业岗位1200个。', bylines: [{ name: '姚红星' }] })
  })

  it.each([
    ['编者按：今年是……', 'editorsNote'],
    ['【编者按】今年是……', 'editorsNote'],
    ['编者按 今年是……', 'editorsNote'],
  ])('reads an editor’s note in the form %s', (line, kind) => {
    expect(noteOf(line)).toMatchObject({ kind, text: '今年是……' })
  })

  it('does not take a sentence that opens with 编者按 for a note', () => {
    expect(noteOf('编者按语中提到的问题已经解决。')).toBeNull()
  })
})
