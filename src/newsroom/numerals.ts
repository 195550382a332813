const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']
const SMALL_UNITS = ['', '十', '百', '千']

/** 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (up to 9999). */
export function toChineseNumeral(value: number): string {
  assertInstallmentNumber(value, 9999)
  const digits = String(value).split('').map(Number)
  let result = ''
  let pendingZero = false
  digits.forEach((digit, index) => {
    const unit = SMALL_UNITS[digits.length - 1 - index]
    if (digit === 0) {
      pendingZero = result.length > 0
      return
    }
    if (pendingZero) result += DIGITS[0]
    pendingZero = false
    result += DIGITS[digit] + unit
  })
  return result.startsWith('一十') ? result.slice(1) : result
}

const CIRCLED_RANGES: Array<[from: number, to: number, codePoint: number]> = [
  [1, 20, 0x2460],
  [21, 35, 0x3251],
  [36, 50, 0x32b1],
]

/** 1 → ①, 21 → ㉑, 50 → ㊿; Unicode has no circled digits past 50. */
export function toCircledNumber(value: number): string | null {
  assertInstallmentNumber(value, Number.MAX_SAFE_INTEGER)
  const range = CIRCLED_RANGES.find(([from, to]) => value >= from && value <= to)
  return range ? String.fromCodePoint(range[2] + value - range[0]) : null
}

function assertInstallmentNumber(value: number, max: number): void {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new RangeError(`期号必须是 1 到 ${max} 之间的整数，收到 ${value}`)
  }
}
