import { hit, type Hit } from '../findings'
import { chineseNumeralValue, chineseYearValue, DIGIT_CHARACTERS } from './chineseNumerals'
import { isFixedPhrase } from './fixedPhrases'

/**
 * 数字 by GB/T 15835-2011《出版物上数字用法》: a number is written in one form, Arabic digits
 * with 万 and 亿 as the only units beside them (2000万, not 2千万), percentages as 20% (not
 * 百分之20); neighbouring numbers giving an estimate are Chinese numerals without a 顿号
 * (三四个月, not 3、4个月); ranges take a wave dash (5～6), not a hyphen.
 */
const STANDARD = 'GB/T 15835-2011'
const ZH_DIGITS = '〇一二三四五六七八九'
const UNIT_VALUE: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }
/** Units whose first character is 千, 百 or 十: 千米, 千克, 百分点 are words, not 2千. */
const UNIT_WORDS = /^(?:千米|千克|千瓦|千伏|千卡|千焦|千兆|千帕|百分|十分)/

const withoutTrailingZeros = (value: number) => String(Number(value.toFixed(6)))

function mixedUnits(text: string): Hit[] {
  const hits: Hit[] = []
  for (const match of text.matchAll(/(?<![\d.])(\d+(?:\.\d+)?)([十百千])/g)) {
    const after = text.slice(match.index + match[1].length)
    if (UNIT_WORDS.test(after)) continue
    const value = withoutTrailingZeros(Number(match[1]) * UNIT_VALUE[match[2]])
    hits.push(hit('number', 'error', match.index, match[0].length, `阿拉伯数字后只可用“万”“亿”作单位，“${match[0]}”应写作“${value}”（${STANDARD}）`, value))
  }
  return hits
}

function percentages(text: string): Hit[] {
  const hits: Hit[] = []
  for (const match of text.matchAll(/百分之(\d+(?:\.\d+)?)/g)) {
    hits.push(hit('number', 'error', match.index, match[0].length, `百分数写作“${match[1]}%”，不混用汉字与阿拉伯数字（${STANDARD}）`, `${match[1]}%`))
  }
  for (const match of text.matchAll(/([零〇一二三四五六七八九十百]+)[%％]/g)) {
    hits.push(hit('number', 'error', match.index, match[0].length, `“%”前应为阿拉伯数字，或写作“百分之${match[1]}”（${STANDARD}）`, `百分之${match[1]}`))
  }
  return hits
}

function groupedThousands(text: string): Hit[] {
  const hits: Hit[] = []
  for (const match of text.matchAll(/(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])/g)) {
    hits.push(hit('number', 'warning', match.index, match[0].length, `中文行文中的数字一般不用逗号分节，“${match[0]}”可写作“${match[0].replaceAll(',', '')}”（${STANDARD}）`, match[0].replaceAll(',', '')))
  }
  return hits
}

function mixedYears(text: string): Hit[] {
  const hits: Hit[] = []
  for (const match of text.matchAll(new RegExp(`[0-9${ZH_DIGITS}零]{2,4}(?=年)`, 'g'))) {
    const digits = /[0-9]/.test(match[0])
    const numerals = new RegExp(`[${ZH_DIGITS}零]`).test(match[0])
    if (!digits || !numerals) continue
    const arabic = [...match[0]].map((character) => (/[0-9]/.test(character) ? character : String(ZH_DIGITS.indexOf(character === '零' ? '〇' : character)))).join('')
    hits.push(hit('number', 'error', match.index, match[0].length, `年份“${match[0]}”混用了汉字数字和阿拉伯数字（${STANDARD}）`, arabic))
  }
  return hits
}

const MEASURE = '个天年月日人次名位倍万岁届件项条家所户台辆周遍成'

function ranges(text: string): Hit[] {
  const hits: Hit[] = []
  for (const match of text.matchAll(new RegExp(`(?<![\\d-])(\\d+(?:\\.\\d+)?)[ ]?[-－][ ]?(\\d+(?:\\.\\d+)?)(?=[%％${MEASURE}\\p{Script=Han}])`, 'gu'))) {
    hits.push(hit('number', 'warning', match.index, match[0].length, `数值范围用浪纹线“～”连接，不用连接号（${STANDARD}）`, `${match[1]}～${match[2]}`))
  }
  for (const match of text.matchAll(new RegExp(`(?<!\\d)([1-9])、([1-9])(?=[${MEASURE}])`, 'g'))) {
    if (Number(match[2]) !== Number(match[1]) + 1) continue
    const estimate = `${ZH_DIGITS[Number(match[1])]}${ZH_DIGITS[Number(match[2])]}`
    hits.push(hit('number', 'warning', match.index, match[0].length, `相邻两数字连用表示概数，应写作汉字数字“${estimate}”，中间不用顿号（${STANDARD}）`, estimate))
  }
  return hits
}

const ARABIC_DATE = /\d{1,2}月\d{1,2}日/
const CHINESE_DATE = /[一二三四五六七八九十]{1,3}月[一二三四五六七八九十廿]{1,3}日/g
const chineseToNumber = (numerals: string) => {
  if (numerals === '十') return 10
  const [tens, ones] = numerals.includes('十') ? numerals.split('十') : ['', numerals]
  return (numerals.includes('十') ? (tens ? ZH_DIGITS.indexOf(tens) : 1) * 10 : 0) + (ones ? ZH_DIGITS.indexOf(ones) : 0)
}

export const hasArabicDate = (text: string) => ARABIC_DATE.test(text) || /(?:19|20)\d{2}(?!\d)/.test(text)
const CHINESE_YEAR = /[〇零一二三四五六七八九]{4}(?=年)/g
const CHINESE_MONTH = /(?<![\d年一二三四五六七八九十])([一二三四五六七八九十]{1,2})月(?![\d一二三四五六七八九十廿份])/g

/** 公历 dates in Chinese numerals, reported when the article (any field) also writes them in Arabic digits. */
export function mixedDateForms(text: string, articleHasArabicDate: boolean): Hit[] {
  if (!articleHasArabicDate) return []
  return [...text.matchAll(CHINESE_DATE)].map((match) => {
    const [month, day] = match[0].slice(0, -1).split('月')
    const arabic = day.includes('廿') ? null : `${chineseToNumber(month)}月${chineseToNumber(day)}日`
    return hit('number', 'warning', match.index, match[0].length, `同一稿件中公历日期有两种写法，宜统一用阿拉伯数字（${STANDARD}）`, arabic)
  }).concat(
    [...text.matchAll(CHINESE_YEAR)].map((match) => hit('number', 'warning', match.index, match[0].length, `同一稿件中年份有两种写法，宜统一用阿拉伯数字（${STANDARD}）`, chineseYearValue(match[0]))),
    [...text.matchAll(CHINESE_MONTH)].map((match) => hit('number', 'warning', match.index, match[1].length, `同一稿件中月份有两种写法，宜统一用阿拉伯数字（${STANDARD}）`, String(chineseNumeralValue(match[1])))),
  )
}

const CN = '一二三四五六七八九十'
/** A date or a range written half in digits, half in numerals: 2021年六月, 11月十三日, 一至10月. */
function mixedExpressions(text: string): Hit[] {
  const hits: Hit[] = []
  const patterns: [RegExp, (match: RegExpMatchArray) => [number, string, string]][] = [
    [new RegExp(`(?<=\\d{4}年)([${CN}]{1,2})(?=月)`, 'g'), (match) => [match.index!, match[1], String(chineseNumeralValue(match[1]))]],
    [new RegExp(`(?<=\\d{1,2}月)([${CN}廿]{1,3})(?=日)`, 'g'), (match) => [match.index!, match[1], String(chineseNumeralValue(match[1].replace('廿', '二十')))]],
    [new RegExp(`([${CN}]{1,2})(?=月\\d{1,2}日)`, 'g'), (match) => [match.index!, match[1], String(chineseNumeralValue(match[1]))]],
    [new RegExp(`([${CN}]{1,3})(?=[至到～][0-9])`, 'g'), (match) => [match.index!, match[1], String(chineseNumeralValue(match[1]))]],
    [new RegExp(`(?<=[0-9][至到～])([${CN}]{1,3})`, 'g'), (match) => [match.index!, match[1], String(chineseNumeralValue(match[1]))]],
  ]
  for (const [pattern, read] of patterns) {
    for (const match of text.matchAll(pattern)) {
      const [at, numerals, arabic] = read(match)
      hits.push(hit('number', 'error', at, numerals.length, `同一个日期或数值范围中混用了汉字数字和阿拉伯数字（${STANDARD}）`, arabic === 'null' ? null : arabic))
    }
  }
  return hits
}

/** Measure words after which a count is written in digits when the sentence counts in digits elsewhere. */
const COUNTED = '个家场人名位项座户所台辆栋套间批篇吨亩元次条天'
const FIXED_WITH_NUMERALS = /^(?:一|两|十四五|十三五|十五五)/

/**
 * Counts in one sentence written two ways: 选取33个重点项目和六个前期项目. GB/T 15835-2011 asks for
 * one form where numbers are compared; the numerals are reported, with the digits to use.
 */
function mixedCounts(text: string): Hit[] {
  const hits: Hit[] = []
  for (const sentence of text.matchAll(/[^。！？；\n]+/g)) {
    const counts = new RegExp(`\\d+(?:\\.\\d+)?[万亿]?(?:[${COUNTED}]|%|％|平方米|公里|小时)`)
    const arabicOrdinal = /第\d/.test(sentence[0])
    const chineseOrdinal = new RegExp(`第[${CN}]`).test(sentence[0])
    if (counts.test(sentence[0])) {
      for (const match of sentence[0].matchAll(new RegExp(`(?<![第${CN}百千万])([${CN}][${CN}百千万零]*)(?=余?[${COUNTED}]|余?平方米)`, 'g'))) {
        const numerals = match[1]
        if (FIXED_WITH_NUMERALS.test(numerals) && numerals.length === 1) continue
        const value = chineseNumeralValue(numerals)
        if (value === null || (numerals.length === 1 && value < 3)) continue
        hits.push(hit('number', 'warning', sentence.index + match.index, numerals.length, `同一句中的计数有阿拉伯数字也有汉字数字，宜统一用阿拉伯数字（${STANDARD}）`, String(value)))
      }
      for (const match of sentence[0].matchAll(/百分之([零〇一二三四五六七八九十百]+)/g)) {
        if (!/\d+(?:\.\d+)?[%％]/.test(sentence[0])) break
        const value = chineseNumeralValue(match[1])
        hits.push(hit('number', 'warning', sentence.index + match.index, match[0].length, `同一句中的百分数有“%”也有“百分之”，宜统一（${STANDARD}）`, value === null ? null : `${value}%`))
      }
    }
    if (arabicOrdinal && chineseOrdinal) {
      for (const match of sentence[0].matchAll(/第(\d+)/g)) {
        hits.push(hit('number', 'warning', sentence.index + match.index, match[0].length, `同一句中的序数有“第一”也有“第${match[1]}”，宜统一（${STANDARD}）`, `第${'〇一二三四五六七八九十'[Number(match[1])] ?? match[1]}`))
      }
    }
  }
  return hits
}

/**
 * Numbers that are part of a word are Chinese numerals (GB/T 15835-2011 4.1.2: 四大发明, 三管齐下):
 * a digit that makes a listed four-character phrase when written as a numeral, and a digit before
 * 大 that names a group (5大同盟 → 五大同盟; 第5大 is a rank).
 */
function digitsInWords(text: string): Hit[] {
  const hits: Hit[] = []
  for (const match of text.matchAll(/(?<![\d.])[1-9](?![\d.])/g)) {
    const numeral = DIGIT_CHARACTERS[Number(match[0])]
    const at = match.index
    const inPhrase = [0, 1, 2, 3].some((position) => {
      const start = at - position
      if (start < 0 || start + 4 > text.length) return false
      const run = text.slice(start, at) + numeral + text.slice(at + 1, start + 4)
      return /^\p{Script=Han}{4}$/u.test(run) && isFixedPhrase(run)
    })
    if (inPhrase) hits.push(hit('number', 'error', at, 1, `“${numeral}”在此是词语的一部分，应写汉字数字（${STANDARD}）`, numeral))
    else if (/^大\p{Script=Han}/u.test(text.slice(at + 1, at + 3)) && !/[\d第]/.test(text[at - 1] ?? '')) hits.push(hit('number', 'warning', at, 1, `“${match[0]}大……”是概括性的说法，宜写汉字数字“${numeral}大”（${STANDARD}）`, numeral))
  }
  return hits
}

const tensAsNumerals = (digits: string) => (Number(digits) % 10 === 0 && Number(digits) < 100 ? `${Number(digits) > 10 ? DIGIT_CHARACTERS[Number(digits) / 10] : ''}十` : null)

/** 10几个 is 十几个: an estimate with 几 is written in numerals; 21年6月 is 2021年6月: a year is never shortened. */
function estimatesAndShortYears(text: string): Hit[] {
  const hits: Hit[] = []
  for (const match of text.matchAll(/(?<![\d.])(\d+)几/g)) {
    const numerals = tensAsNumerals(match[1])
    hits.push(hit('number', 'error', match.index, match[1].length, `带“几”的概数用汉字数字（${STANDARD}）`, numerals))
  }
  for (const match of text.matchAll(/(?<![\d.’'])(\d{2})年(?=\d{1,2}月)/g)) {
    hits.push(hit('number', 'error', match.index, match[1].length, `年份不能简写，应写全，如“20${match[1]}年”（${STANDARD}）`, `20${match[1]}`))
  }
  return hits
}

/**
 * An amount of money, land or people in many Chinese numerals (一百三十九万元, 一百一十六亩): GB/T
 * 15835-2011 writes measured and counted values in digits, and news copy does.
 */
const AMOUNT = new RegExp(`(?<![${DIGIT_CHARACTERS}十百千万亿零两])([${DIGIT_CHARACTERS}两][${DIGIT_CHARACTERS}十百千零]*[十百千][${DIGIT_CHARACTERS}十百千零]*)(?=[万亿]?(?:元|美元|吨|亩|平方米|平方公里|公里|千米|人|户|家|岁))`, 'g')

function amountsInNumerals(text: string): Hit[] {
  const hits: Hit[] = []
  for (const match of text.matchAll(AMOUNT)) {
    const value = chineseNumeralValue(match[1])
    // 五六千元 is an estimate, which numerals write: two neighbouring numerals.
    if (value === null || value < 20 || new RegExp(`^[${DIGIT_CHARACTERS}]{2}`).test(match[1])) continue
    hits.push(hit('number', 'warning', match.index, match[1].length, `计量、计数的数值宜用阿拉伯数字（${STANDARD}）`, String(value)))
  }
  return hits
}

const MEASURED = '(?:[万亿]?(?:元|美元|吨|亩|平方米|平方公里|公里|千米|米|千克|公斤|克|倍)|%|％|个百分点)'
const toNumerals = (digits: string) => (/^[1-9]$/.test(digits) ? DIGIT_CHARACTERS[Number(digits)] : null)

/** 3分之1 is 三分之一 or 1/3; 25点6亿元 and 12·5亿元 are 25.6亿元; 四十七点五六亿元 is 47.56亿元. */
function fractionsAndDecimals(text: string): Hit[] {
  const hits: Hit[] = []
  for (const match of text.matchAll(/(?<![\d.])(\d+)分之(\d+|[${DIGIT_CHARACTERS}十百]+)/g)) {
    const [denominator, numerator] = [toNumerals(match[1]), /^\d+$/.test(match[2]) ? toNumerals(match[2]) : match[2]]
    hits.push(hit('number', 'error', match.index, match[0].length, `分数写作“${match[2]}/${match[1]}”或汉字“${denominator ?? match[1]}分之${numerator ?? match[2]}”，不混用（${STANDARD}）`, denominator && numerator ? `${denominator}分之${numerator}` : null))
  }
  for (const match of text.matchAll(new RegExp(`(?<![\\d.])(\\d+)[·•点](\\d+)(?=${MEASURED})`, 'g'))) {
    hits.push(hit('number', 'error', match.index, match[0].length, `小数点用“.”（${STANDARD}）`, `${match[1]}.${match[2]}`))
  }
  for (const match of text.matchAll(new RegExp(`([${DIGIT_CHARACTERS}十百千]+)点([${DIGIT_CHARACTERS}零]+)(?=${MEASURED})`, 'g'))) {
    const whole = chineseNumeralValue(match[1])
    const fraction = [...match[2]].map((character) => (character === '零' ? 0 : DIGIT_CHARACTERS.indexOf(character))).join('')
    hits.push(hit('number', 'warning', match.index, match[0].length, `计量的小数宜用阿拉伯数字（${STANDARD}）`, whole === null ? null : `${whole}.${fraction}`))
  }
  return hits
}

/** Every number finding within one text; mixedDateForms looks across the article. */
export function findNumbers(text: string): Hit[] {
  return [...mixedUnits(text), ...percentages(text), ...groupedThousands(text), ...mixedYears(text), ...ranges(text), ...mixedExpressions(text), ...mixedCounts(text), ...digitsInWords(text), ...estimatesAndShortYears(text), ...amountsInNumerals(text), ...fractionsAndDecimals(text)]
}
