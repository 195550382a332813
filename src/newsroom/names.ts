const HAN = '\\p{Script=Han}'
const SPACES = /[\s\u3000]+/gu
const HAN_ONLY_WITH_SPACES = new RegExp(`^[${HAN}·•\\s\\u3000]+$`, 'u')

/**
 * Print pages pad two-character names to the width of three (`张 毅`), and typists add
 * stray spaces; the person is the same. Names written wholly in Han characters lose all
 * inner spaces, other names keep single spaces between words.
 */
export function normaliseDisplayName(raw: string): string {
  const trimmed = raw.replace(SPACES, ' ').trim()
  if (HAN_ONLY_WITH_SPACES.test(trimmed)) return trimmed.replace(/ /g, '')
  return trimmed
}

/** The inverse of the padding print layout applies: `张毅` → `张 毅`. */
export function padNameForPrint(name: string): string {
  const chars = [...name]
  if (chars.length === 2 && chars.every((ch) => new RegExp(HAN, 'u').test(ch))) {
    return `${chars[0]} ${chars[1]}`
  }
  return name
}

export type NameProblem = 'empty' | 'tooLong' | 'hasDigits' | 'hasBrackets'

export function findNameProblem(name: string): NameProblem | null {
  if (!name) return 'empty'
  if ([...name].length > 40) return 'tooLong'
  if (/\d/u.test(name)) return 'hasDigits'
  if (/[()（）【】[\]]/u.test(name)) return 'hasBrackets'
  return null
}

export const NAME_PROBLEM_MESSAGES: Record<NameProblem, string> = {
  empty: '署名不能为空（去除空格后为空）',
  tooLong: '署名过长：不能超过 40 个字符',
  hasDigits: '署名中不能包含数字',
  hasBrackets: '署名中不能包含括号：括号属于版面格式，请只填写姓名或机构名',
}
