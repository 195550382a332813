import type { BylineRole } from '@/newsroom/bylines'
import { normaliseDisplayName } from '@/newsroom/names'
import type { ImportedPhoto } from './types'

/**
 * Reading one block of raw page text: what kind of thing it is. Pure functions, no state;
 * src/import/parsePage.ts decides what the blocks add up to.
 */
const HAN = '\\p{Script=Han}'
const NAME = `${HAN}{2,4}`
const SENTENCE_END = /[。！？!?…）)」』”"’】]$/u

/** Paragraphs are separated by blank lines; a line broken inside a paragraph (OCR, copy-paste) is joined back. */
export function splitBlocks(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u3000]*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .reduce((joined, line) => (joined && /[A-Za-z0-9]$/.test(joined) && /^[A-Za-z0-9]/.test(line) ? `${joined} ${line}` : joined + line), ''),
    )
    .filter((block) => block.length > 0)
}

/** OCR and typesetting spread characters out (`党 建 引 领`); Han characters never need spaces between them. */
export function collapseSpacedHan(text: string): string {
  // Three or more single characters in a row: a space between two words (唤醒沉睡资产 筑牢保障底线) stays.
  return text.replace(new RegExp(`${HAN}(?:[ \\t\\u3000]+${HAN}){2,}`, 'gu'), (run) => run.replace(/[ \t\u3000]+/g, ''))
}

export const endsSentence = (text: string): boolean => SENTENCE_END.test(text.trim())

/** A short line without closing punctuation: a headline, 小标题 or label. */
export function isShortLine(text: string, maxChars = 34): boolean {
  const chars = [...text.trim()]
  return chars.length >= 2 && chars.length <= maxChars && !/[。！？!?；;，,、]$/.test(text.trim()) && !/[。！？!?]/.test(text.slice(0, -1)) && quotesBalanced(text)
}

/** A headline closes every quote it opens; a paragraph cut by a column break often does not. */
function quotesBalanced(text: string): boolean {
  const count = (pattern: RegExp) => (text.match(pattern) ?? []).length
  return count(/“/g) === count(/”/g) && count(/‘/g) === count(/’/g) && count(/[(（]/g) === count(/[)）]/g) && count(/「/g) === count(/」/g) && count(/"/g) % 2 === 0
}

export const isDeck = (text: string): boolean => /^[—–-]{1,2}\s*\S/.test(text.trim()) && isShortLine(text.replace(/^[—–-]+/, ''), 40)
export const deckText = (text: string): string => text.trim().replace(/^[—–-]+\s*/, '')

export const isBoxLabel = (text: string): boolean => /^【[^【】]{1,12}】$/.test(text.trim())

/** `编者按：`, `【编者按】`, `编者按 ` — with its colon, brackets or a space: a sentence may open with the word. */
const NOTE = /^(?:【(前言|编者按|编者的话)】|(前言|编者按|编者的话)(?:\s*[:：]|[\s\u3000]+))\s*/u
export function noteOf(text: string): { kind: 'preface' | 'editorsNote'; text: string } | null {
  const match = NOTE.exec(text.trim())
  const rest = match ? text.trim().slice(match[0].length) : ''
  if (!match || !rest) return null
  return { kind: (match[1] ?? match[2]) === '前言' ? 'preface' : 'editorsNote', text: rest }
}

/** `宁远县:"三管齐下",构建…` — a brief's headline starts with the place it comes from. */
const BRIEF = new RegExp(`^(${HAN}{2,10}?(?:省|市|县|区|州|盟|旗|镇|乡|街道|社区|村))\\s*[:：]\\s*(.+)$`, 'u')
export function briefHeadline(text: string): { place: string; headline: string } | null {
  const match = BRIEF.exec(text.trim())
  if (!match || !isShortLine(text, 46) || /[。！？!?]/.test(match[2])) return null
  return { place: match[1], headline: match[2] }
}

/** Where Word copy had an image: Unicode's object replacement character, as Word's own plain text has it. */
export const EMBEDDED_OBJECT = '\uFFFC'
export const isEmbeddedImage = (text: string): boolean => text.trim() === EMBEDDED_OBJECT

/** An outlet before 记者: 新华社记者, 光明日报记者, 中国气象报记者, 湖南日报全媒体记者. */
const OUTLET = `(?:新华社|中新社|${HAN}{1,8}?(?:日报|晚报|时报|报|电视台|广播电台|网))`
const ROLE_PREFIXES: [RegExp, BylineRole][] = [
  [/^本报(?:全媒体|融媒体)?记者$/, 'staffReporter'],
  [/^(?:全媒体|融媒体|见习|实习|特约)?记者$/, 'reporter'],
  [new RegExp(`^${OUTLET}(?:全媒体|融媒体|特约)?记者$`, 'u'), 'reporter'],
  [/^(?:通讯员|实习生)$/, 'correspondent'],
  [/^特约撰稿(?:人)?$/, 'contributor'],
]
const GLUED_ROLE = new RegExp(`^(本报(?:全媒体|融媒体)?记者|(?:全媒体|融媒体|见习|实习|特约)?记者|${OUTLET}(?:全媒体|融媒体)?记者|通讯员|实习生)(${HAN}{2,4})$`, 'u')
/** `中共新化县委通讯组`, `县委宣传部`: an organisation signs the piece. */
const ORGANISATION = new RegExp(`^${HAN}{2,16}(?:通讯组|宣传部|报道组|新闻中心)$`, 'u')
/** `文/图`, `摄`: what the names around them did, not names. */
const CREDIT_WORDS = /^(?:文\/图|图\/文|文图|摄|摄影|报道|摄影报道)$/

/**
 * Names on a byline line, padded (`张 毅`) or not, with role words in front of them:
 * `张福芳 付柯瞰`, `陈淦璋 张 毅 黄福林`, `本报记者 王磊 通讯员 李娜`, `记者 刘洋`, `新华社电`.
 * Null when the line holds anything else.
 */
export function bylineLine(text: string): { name: string; role: BylineRole }[] | null {
  const line = text.trim().replace(/[\u3000]/g, ' ')
  if (/^(?:新华社|中新社)(?:电|讯|记者)?$/.test(line)) return [{ name: line.replace(/(?:电|讯|记者)$/, ''), role: 'byline' }]
  const tokens = line.split(/\s+/).filter(Boolean)
  if (tokens.length === 0 || tokens.length > 16 || [...line].length > 60) return null
  // More than three padded names in a row is text spaced out by OCR, not a byline.
  if (tokens.length > 6 && tokens.every((token) => [...token].length === 1)) return null
  const bylines: { name: string; role: BylineRole }[] = []
  let role: BylineRole = 'byline'
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]
    const prefix = ROLE_PREFIXES.find(([pattern]) => pattern.test(token))
    if (prefix) {
      role = prefix[1]
      continue
    }
    const glued = GLUED_ROLE.exec(token)
    if (glued) {
      role = ROLE_PREFIXES.find(([pattern]) => pattern.test(glued[1]))![1]
      bylines.push({ name: glued[2], role })
      continue
    }
    if (CREDIT_WORDS.test(token)) continue
    if (ORGANISATION.test(token)) {
      bylines.push({ name: token, role: 'courtesy' })
      continue
    }
    // A padded two-character name: two single characters in a row.
    if ([...token].length === 1 && new RegExp(`^${HAN}$`, 'u').test(token) && tokens[index + 1] && [...tokens[index + 1]].length === 1) {
      bylines.push({ name: normaliseDisplayName(`${token}${tokens[index + 1]}`), role })
      index += 1
      continue
    }
    if (!new RegExp(`^${NAME}$`, 'u').test(token)) return null
    bylines.push({ name: token, role })
  }
  // Four-character words (乡村振兴, 三管齐下 构建防线) are phrases far more often than names; a name that long comes with its role.
  if (bylines.every((byline) => byline.role === 'byline' && [...byline.name].length === 4) && tokens.every((token) => [...token].length === 4)) return null
  return bylines.length > 0 ? bylines : null
}

const DAY = '(?:\\d{1,2}月\\d{1,2}日|[一二三四五六七八九十〇]{1,3}月[一二三四五六七八九十〇]{1,3}日|[一二三四五六七八九十]{1,3}日|\\d{1,2}日)'
const DATELINE = new RegExp(`^[【〔\\[]?(?:据)?(本报|${OUTLET})(${HAN}{0,8}?)(${DAY})?(讯|电)(?:[】〕\\]]|(?=[\\s(（:：]|$))`, 'u')
const DATELINE_NAMES = /^\s*[(（]([^()（）]{2,60})[)）]/u
const REPORTED_BY = new RegExp(`^\\s*((?:${OUTLET}|本报)?(?:全媒体|融媒体|特约)?记者[^。，,：:]{2,40}?)\\s*报道[:：]`, 'u')

export type Dateline = { text: string; outlet: string; place: string | null; day: string | null; bylines: { name: string; role: BylineRole }[] }

/**
 * The dateline a story opens with, and the bylines printed inside it: `本报讯(记者 X 通讯员 Y Z
 * 文/图)`, `湖南日报3月3日讯(全媒体记者 X)`, `本报广州11月28日电 记者X报道:`, `新华社渥太华十月二日电`,
 * `据新华社布加勒斯特8月18日电 (记者X)`, `【新华社重庆十四日电】`. Null when the paragraph opens otherwise.
 */
export function datelineOf(paragraph: string): Dateline | null {
  const text = paragraph.trim()
  const head = DATELINE.exec(text)
  if (!head) return null
  const rest = text.slice(head[0].length)
  const inBrackets = DATELINE_NAMES.exec(rest)
  const reported = inBrackets ? null : REPORTED_BY.exec(rest)
  const outlet = head[1]
  const byOutlet = outlet === '本报' ? [] : [{ name: outlet, role: 'byline' as BylineRole }]
  // The paper's own 记者 in its own dateline (本报讯) is staff: the role table cannot know which paper is ours.
  const staff = (bylines: { name: string; role: BylineRole }[] | null) => (outlet === '本报' ? bylines?.map((byline) => (byline.role === 'reporter' ? { ...byline, role: 'staffReporter' as BylineRole } : byline)) : bylines) ?? null
  const names = staff(inBrackets ? bylineLine(inBrackets[1]) : reported ? bylineLine(reported[1].replace(/(记者)(?=\S)/u, '$1 ')) : null)
  return {
    text: text.slice(0, head[0].length + (inBrackets?.[0].length ?? reported?.[0].length ?? 0)),
    outlet,
    place: head[2] || null,
    day: head[3] ?? null,
    bylines: names ?? (reported || inBrackets ? [] : byOutlet),
  }
}

/** A page section printed once above its briefs or photos: 要闻简报, 简讯, 图片新闻. */
export const isSectionLabel = (text: string): boolean => /^(?:要闻简报|新闻简报|简讯|新闻简讯|本版简讯|短讯|快讯|要闻速览|图片新闻)$/u.test(text.trim())

/** Notices a paper prints under a one-word headline. */
export const isNotice = (text: string): boolean => /^(?:更正|更正启事|更正声明|致歉|致歉声明|启事|声明|讣告|公告)$/u.test(text.trim())

/** `民生观察丨老旧小区加装电梯提速`: a column and its headline on one line. */
export function columnAndTitle(text: string): { column: string; title: string } | null {
  const match = /^(\p{Script=Han}[^丨｜]{1,11}?)\s*[丨｜]\s*([^丨｜]{2,40})$/u.exec(text.trim())
  return match && isShortLine(match[2], 40) ? { column: match[1].trim(), title: match[2].trim() } : null
}

/** `(上接第一版)…`: a paragraph continued from another page; `page` as printed, null for 接上页. */
export function jumpFrom(text: string): { page: string | null } | null {
  const match = /^[(（]?(?:上接第?([一二三四五六七八九十\d]{1,3})版|接上页)[)）]?/u.exec(text.trim())
  return match ? { page: match[1] ?? null } : null
}

/** `…(下转第四版)`: a paragraph continued on another page, and the text before the mark. */
export function jumpTo(text: string): { page: string | null; before: string } | null {
  const match = /[(（](?:下转第?([一二三四五六七八九十\d]{1,3})版|转下页)[)）]$/u.exec(text.trim())
  return match ? { page: match[1] ?? null, before: text.trim().slice(0, match.index) } : null
}

/** `…。(李重臣 杜鸿飞)` — the names in brackets that close a brief; `rest` is the text before them. */
export function trailingBylines(text: string): { rest: string; bylines: { name: string; role: BylineRole }[] } | null {
  // Copy often leaves a stray mark after the bracket (`(姚红星)?`).
  const match = /[(（]([^()（）]{2,40})[)）][?？\uFFFD]?\s*$/u.exec(text.trim())
  if (!match) return null
  const names = bylineLine(match[1])
  if (!names) return null
  const rest = text.trim().slice(0, match.index).trim()
  if (rest && !endsSentence(rest)) return null
  return { rest, bylines: names }
}

/**
 * A photo caption with its credit: `…生动典范。张福芳 摄` (a photographer) or
 * `…产业园。(新化县委宣传部供图)` (an organisation's handout).
 */
export function captionOf(text: string): ImportedPhoto | null {
  const line = text.trim()
  if ([...line].length > 160) return null
  let match = new RegExp(`^(.*?)\\s*[(（]\\s*(?:${OUTLET}|本报)?(?:记者|通讯员)?\\s*(${HAN}{2,4}(?:\\s+${HAN}{2,4})*)\\s*(?:摄影报道|摄)\\s*[)）]$`, 'u').exec(line)
  if (match) return { caption: match[1].trim(), credit: match[2].replace(/\s+/g, ' '), creditKind: 'photographer' }
  match = new RegExp(`^(.*?)\\s*(${HAN}{2,4}(?:\\s+${HAN}{2,4})*|${HAN}\\s${HAN})\\s+(?:摄影报道|摄)$`, 'u').exec(line)
  if (match) {
    // `本报记者 王五 摄`: the role word is not part of the credit.
    const credit = match[2].split(/\s+/).filter((token) => !ROLE_PREFIXES.some(([pattern]) => pattern.test(token))).join(' ')
    return { caption: match[1].trim(), credit: credit.split(' ').length > 1 && credit.length === 3 ? normaliseDisplayName(credit) : credit, creditKind: 'photographer' }
  }
  match = /^(.*?)\s*[(（]([^()（）]{2,30}?)\s*供图[)）]$/u.exec(line)
  if (match) return { caption: match[1].trim(), credit: match[2].trim(), creditKind: 'courtesy' }
  return null
}

/**
 * A block that starts in the middle of a sentence, as when a column break or a jump from
 * another page splits the text: a word's tail before the first punctuation (`料、仿真毒品`,
 * `往广州等地。`, `场舞。`). A short clause before a comma is usually an ordinary opening
 * (`近年来,`, `今年,`), so only a pause mark or a full stop counts.
 */
const OPENERS = /^(?:同时|此外|目前|近日|如今|为此|对此|其中|另外|然而|但是|因此|所以|首先|其次|最后|今年|去年|近年来|今年以来|与此同时|一是|二是|三是)$/
export function startsMidSentence(text: string): boolean {
  const match = /^(\p{Script=Han}+)([、，,。；;：:？?！!])/u.exec(text.trim())
  if (!match || OPENERS.test(match[1])) return false
  const length = [...match[1]].length
  return (length <= 2 && /[、。]/.test(match[2])) || (length <= 5 && match[2] === '。')
}

/** The short lead sentence a paragraph opens with (`管控好重点流通领域。`), for spotting parallel points. */
export function leadPhrase(text: string): string | null {
  const match = /^(\p{Script=Han}{3,12})[。：:]/u.exec(text.trim())
  return match ? match[1] : null
}
