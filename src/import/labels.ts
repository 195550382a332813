/** Inverse of src/newsroom/numerals: the number a printed installment mark stands for. */
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'
const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** ① to ⑳, then ㉑ to ㉟ and ㊱ to ㊿ (Unicode's Enclosed CJK Letters and Months block). */
export function circledNumber(mark: string): number | null {
  const index = CIRCLED.indexOf(mark)
  if (index >= 0) return index + 1
  const code = mark.codePointAt(0) ?? 0
  if (code >= 0x3251 && code <= 0x325f) return code - 0x3251 + 21
  if (code >= 0x32b1 && code <= 0x32bf) return code - 0x32b1 + 36
  return null
}

/** 一 → 1, 十二 → 12, 二十 → 20, 九十九 → 99; anything else → null. */
export function chineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text)
  const match = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text)
  if (!match || text === '') return null
  const [, tens, ten, units] = match
  if (!ten) return tens && !units ? DIGITS[tens] : null
  return (tens ? DIGITS[tens] : 1) * 10 + (units ? DIGITS[units] : 0)
}

export type ColumnLabel = {
  name: string
  installment: string | null
  number: number | null
  partName: string | null
  subSeries: string | null
  /** Printed in 【】 or brackets, as a box inside a body is too: only its place tells them apart. */
  bracketed: boolean
}

const PART = '[\\p{Script=Han}]{1,6}篇'
const SERIAL = `[(（]([一二三四五六七八九十\\d]{1,4})[)）]`

/**
 * A printed column label: `善治天心②`, `奋斗百年路·启航新征程之新化篇(一)`,
 * `非凡"十四五"桂阳"新答卷"·科技篇`, `民生观察第12期`. Null when the line is not one.
 */
export function parseColumnLabel(line: string): ColumnLabel | null {
  const bracketed = /^(?:【([^【】]{2,30})】|[(（]([^()（）]{2,30})[)）])$/u.exec(line.trim())
  if (!bracketed) return unbracketedLabel(line.trim())
  const inner = bracketed[1] ?? bracketed[2]
  const label = unbracketedLabel(inner)
  if (label) return { ...label, bracketed: true }
  // (新春走基层·特别报道), 【脱贫攻坚·一线见闻】: a campaign's name, without an installment.
  return /·|报道$|系列$|专栏$|走基层/u.test(inner) ? { name: inner, installment: null, number: null, partName: null, subSeries: null, bracketed: true } : null
}

function unbracketedLabel(text: string): ColumnLabel | null {
  if (!text || [...text].length > 40 || /[。！？!?，,；;]$/.test(text)) return null
  let match = /^(.{2,30}?)([①-⑳㉑-㉟㊱-㊿])$/u.exec(text)
  if (match) return { name: match[1], installment: match[2], number: circledNumber(match[2]), partName: null, subSeries: null, bracketed: false }
  match = new RegExp(`^(.{2,30}?)之(${PART})(?:${SERIAL})?$`, 'u').exec(text)
  if (match) return { name: match[1], installment: `${match[2]}${match[3] ? `(${match[3]})` : ''}`, number: match[3] ? chineseNumber(match[3]) : null, partName: match[2], subSeries: null, bracketed: false }
  match = new RegExp(`^(.{2,30}?)·(${PART})$`, 'u').exec(text)
  if (match) {
    // 非凡"十四五"桂阳"新答卷": a campaign, then a local sub-series in quotes.
    const series = /^(.+?[”"])(\p{Script=Han}{2,4}[“"].+[”"])$/u.exec(match[1])
    return { name: series ? series[1] : match[1], installment: series ? `${series[2]}·${match[2]}` : match[2], number: null, partName: match[2], subSeries: series ? series[2] : null, bracketed: false }
  }
  match = /^(.{2,30}?)第([一二三四五六七八九十\d]{1,4})期$/u.exec(text)
  if (match) return { name: match[1], installment: `第${match[2]}期`, number: chineseNumber(match[2]), partName: null, subSeries: null, bracketed: false }
  return null
}
