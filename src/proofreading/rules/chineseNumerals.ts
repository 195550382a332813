/**
 * Chinese numerals as written in running text (二十三, 一百二十七, 十万, 〇), read as numbers so
 * the checker can offer the Arabic form GB/T 15835-2011 asks for.
 */
export const DIGIT_CHARACTERS = '〇一二三四五六七八九'
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }

/** The value of a numeral such as 二十三, 九百五十二 or 十万; null for what is not one (a 两, a bare 万). */
export function chineseNumeralValue(numeral: string): number | null {
  let total = 0
  let section = 0
  let digit: number | null = null
  for (const character of numeral) {
    const index = character === '零' ? 0 : DIGIT_CHARACTERS.indexOf(character)
    if (index >= 0) {
      digit = index
      continue
    }
    if (character in UNITS) {
      section += (digit ?? 1) * UNITS[character]
      digit = null
      continue
    }
    if (character === '万' || character === '亿') {
      total += (section + (digit ?? 0)) * (character === '万' ? 10_000 : 100_000_000)
      section = 0
      digit = null
      continue
    }
    return null
  }
  const value = total + section + (digit ?? 0)
  return value > 0 ? value : null
}

/** 2026 from 二〇二六: a year is read digit by digit. */
export const chineseYearValue = (numerals: string): string => [...numerals].map((character) => String(character === '零' ? 0 : DIGIT_CHARACTERS.indexOf(character))).join('')
