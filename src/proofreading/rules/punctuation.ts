import { hit, type Hit } from '../findings'
import { isHanCharacter } from '../han'
import { type WordTest, wordBoundaries } from '../wordBoundaries'

/**
 * 标点 by GB/T 15834-2011《标点符号用法》: Chinese text takes full-width marks; quotation marks
 * and brackets come in pairs; two marks do not stand together (except 问号 and 叹号); 顿号 does not
 * separate two neighbouring numbers that give an estimate, nor items already set off by
 * quotation marks or title marks; the 破折号 is two em dashes.
 */
const HAN = /\p{Script=Han}/u
const DIGIT = /[0-9]/
const FULL_WIDTH: Record<string, string> = { ',': '，', '.': '。', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' }
const CLOSING_CHINESE = /[”’）》】」]/
const STANDARD = 'GB/T 15834-2011'

const isHan = isHanCharacter
const neighbour = (text: string, at: number, step: 1 | -1) => {
  for (let index = at + step; index >= 0 && index < text.length; index += step) if (text[index] !== ' ') return text[index]
  return undefined
}

function halfWidthMarks(text: string): Hit[] {
  const hits: Hit[] = []
  const hasHan = HAN.test(text)
  let asciiQuotes = 0
  let asciiSingles = 0
  for (let at = 0; at < text.length; at += 1) {
    const mark = text[at]
    if (mark === '"') {
      if (hasHan) hits.push(hit('punctuation', 'error', at, 1, `中文文本中应使用全角引号（${STANDARD}）`, asciiQuotes % 2 === 0 ? '“' : '”'))
      asciiQuotes += 1
      continue
    }
    // An apostrophe between Latin letters (it's, O'Neil) is English; beside Chinese it is a quotation mark.
    if (mark === "'") {
      if (isHan(text[at - 1]) || isHan(text[at + 1])) hits.push(hit('punctuation', 'error', at, 1, `中文文本中应使用全角引号（${STANDARD}）`, asciiSingles % 2 === 0 ? '‘' : '’'))
      asciiSingles += 1
      continue
    }
    if (mark === '…' && text[at + 1] !== '…' && text[at - 1] !== '…') {
      hits.push(hit('punctuation', 'error', at, 1, `省略号占两个字的位置，应为“……”（${STANDARD}）`, '……'))
      continue
    }
    if (!(mark in FULL_WIDTH)) continue
    const before = neighbour(text, at, -1)
    const after = neighbour(text, at, 1)
    const chineseSide = isHan(before) || isHan(after) || (before !== undefined && CLOSING_CHINESE.test(before))
    if (mark === '.' && text.startsWith('...', at)) {
      const run = /^\.{3,}/.exec(text.slice(at))![0].length
      if (chineseSide) hits.push(hit('punctuation', 'error', at, run, `中文文本中省略号应为“……”（${STANDARD}）`, '……'))
      at += run - 1
      continue
    }
    if ('.,:'.includes(mark) && DIGIT.test(before ?? '') && DIGIT.test(after ?? '')) continue
    if (chineseSide) hits.push(hit('punctuation', 'error', at, 1, `中文文本中应使用全角标点“${FULL_WIDTH[mark]}”，不用半角“${mark}”（${STANDARD}）`, FULL_WIDTH[mark]))
  }
  return hits
}

const PAIRS: Record<string, string> = { '“': '”', '‘': '’', '（': '）', '《': '》', '【': '】', '〔': '〕', '「': '」' }
const CLOSERS = new Map(Object.entries(PAIRS).map(([open, close]) => [close, open]))

/**
 * Marks left open at the paragraph's end or closed without being opened. A quotation running
 * over several paragraphs opens each of them and closes only the last (GB/T 15834-2011 4.1.3.5),
 * so a paragraph whose next one opens with the same mark is not reported.
 */
function unpairedMarks(paragraph: string, nextParagraph: string | undefined): Hit[] {
  const hits: Hit[] = []
  const open: { mark: string; at: number; nested?: boolean }[] = []
  for (let at = 0; at < paragraph.length; at += 1) {
    const mark = paragraph[at]
    if (mark === '“' && open.at(-1)?.mark === '“') {
      hits.push(hit('punctuation', 'error', at, 1, `引号里面还要用引号时，里面一层用单引号“‘ ’”（${STANDARD} 4.1.3.3）`, '‘'))
      open.push({ mark: '“', at, nested: true })
      continue
    }
    if (mark === '‘' && !open.some((entry) => entry.mark === '“')) hits.push(hit('punctuation', 'warning', at, 1, `单引号用于双引号里面的引文，外层应用双引号（${STANDARD} 4.8）`, '“'))
    if (mark in PAIRS) open.push({ mark, at })
    const opener = CLOSERS.get(mark)
    if (!opener) continue
    const index = open.map((entry) => entry.mark).lastIndexOf(opener)
    if (index >= 0 && open[index].nested && index === open.length - 1) {
      open.pop()
      continue
    }
    if (index < 0) hits.push(hit('punctuation', 'error', at, 1, `“${mark}”前面缺少与之配对的“${opener}”（${STANDARD}）`))
    else for (const unclosed of open.splice(index).slice(1)) hits.push(hit('punctuation', 'error', unclosed.at, 1, `“${unclosed.mark}”没有配对的“${PAIRS[unclosed.mark]}”（${STANDARD}）`))
  }
  const continues = nextParagraph?.trimStart()[0]
  for (const unclosed of open) {
    if (unclosed.mark === '“' && continues === '“') continue
    hits.push(hit('punctuation', 'error', unclosed.at, 1, `“${unclosed.mark}”没有配对的“${PAIRS[unclosed.mark]}”（${STANDARD}）`))
  }
  return hits
}

/** 问号 and 叹号 may stand together (？！, ！！); no other two marks may. */
function doubledMarks(text: string): Hit[] {
  const hits: Hit[] = []
  for (const match of text.matchAll(/[，。、；：？！]{2,}/g)) {
    if (/^[？！]+$/.test(match[0])) continue
    const same = new Set(match[0]).size === 1
    hits.push(hit('punctuation', 'error', match.index, match[0].length, `标点“${match[0]}”重复或冲突，只应保留一个（${STANDARD}）`, same ? match[0][0] : null))
  }
  return hits
}

/** 两 reads as 2 before a measure word: 两三天. */
const NUMERALS = '一两三四五六七八九十'
const numeralValue = (numeral: string) => (numeral === '两' ? 2 : '一二三四五六七八九十'.indexOf(numeral) + 1)
const MEASURE = '个天年月日人次名位倍万千百岁届件项条家所户台辆周遍成'

function enumerationComma(text: string): Hit[] {
  const hits: Hit[] = []
  // 三、四个 and 三、四十个 alike: the estimate may be of tens.
  for (const match of text.matchAll(new RegExp(`([${NUMERALS}])、([${NUMERALS}])(?=十?[${MEASURE}])`, 'g'))) {
    if (numeralValue(match[2]) !== numeralValue(match[1]) + 1) continue
    hits.push(hit('punctuation', 'warning', match.index + 1, 1, `相邻两数字连用表示概数，中间不用顿号（${STANDARD} 4.5.3.5）`, ''))
  }
  for (const match of text.matchAll(/[”》]、[“《]/g)) {
    hits.push(hit('punctuation', 'warning', match.index + 1, 1, `标有引号或书名号的并列成分之间通常不用顿号（${STANDARD} 4.5.3.5）`, ''))
  }
  return hits
}

/**
 * Three or more short items joined by dashes (区—街道—社区—网格) are a sequence of levels, which
 * the 连接号's 一字线 joins (4.13): a single dash there is right, a 破折号 is not.
 */
const DASH_CHAIN = /(?<!\p{Script=Han})\p{Script=Han}{1,4}(?:—{1,2}\p{Script=Han}{1,4}){2,}(?!\p{Script=Han})/gu

function dashes(text: string): Hit[] {
  const hits: Hit[] = []
  const inChain = new Uint8Array(text.length + 1)
  for (const chain of text.matchAll(DASH_CHAIN)) {
    inChain.fill(1, chain.index, chain.index + chain[0].length)
    for (const dash of chain[0].matchAll(/——/g)) hits.push(hit('punctuation', 'warning', chain.index + dash.index, 2, `连接层级、起止等相关项目用一字线“—”，不用破折号（${STANDARD} 4.13）`, '—'))
  }
  for (const match of text.matchAll(/(?<!—)—(?!—)/g)) {
    if (inChain[match.index]) continue
    const before = text[match.index - 1]
    const after = text[match.index + 1]
    if (isHan(before) || isHan(after)) hits.push(hit('punctuation', 'warning', match.index, 1, `破折号应占两个字的位置“——”（${STANDARD}）`, '——'))
  }
  for (const match of text.matchAll(/(?<=\p{Script=Han}[ ]?|^[ ]*)(?:-{1,2}|－{1,2}|─{1,2})(?=[ ]?\p{Script=Han})/gu)) {
    hits.push(hit('punctuation', 'warning', match.index, match[0].length, `破折号应为“——”，不用连接号“${match[0]}”（${STANDARD}）`, '——'))
  }
  return hits
}

/** Conjunctions that join the last item of a list: a 顿号 before them is one mark too many. */
const CONJUNCTIONS = new Set(['和', '及', '以及', '与', '或', '或者'])

/**
 * Marks in a place the standard gives to another: a 顿号 before 和/及 (4.5), a 省略号 beside 等
 * (4.11), a dot other than the 间隔号 between the parts of a name (4.14), and a second 冒号 in one
 * sentence outside quotation marks (4.7: a colon's reach is its sentence).
 */
function misplacedMarks(text: string): Hit[] {
  const hits: Hit[] = []
  let isWord: WordTest | null = null
  for (const match of text.matchAll(/、(以及|或者|和|及|与|或)(?=\p{Script=Han})/gu)) {
    // 和谐, 及时, 与会 begin with a conjunction's character: only the conjunction standing as a word counts.
    isWord ??= wordBoundaries(text)
    if (CONJUNCTIONS.has(match[1]) && isWord(match.index + 1, match[1].length)) hits.push(hit('punctuation', 'error', match.index, 1, `并列成分之间用了“${match[1]}”，前面不再用顿号（${STANDARD} 4.5）`, ''))
  }
  for (const match of text.matchAll(/……(?=等)|(?<=等)……/g)) {
    hits.push(hit('punctuation', 'error', match.index, match[0].length, `省略号和“等”“等等”不能同时使用（${STANDARD} 4.11）`, ''))
  }
  for (const match of text.matchAll(/(?<=\p{Script=Han})[•．・](?=\p{Script=Han})/gu)) {
    hits.push(hit('punctuation', 'error', match.index, 1, `间隔号应为“·”（${STANDARD} 4.14）`, '·'))
  }
  for (const sentence of text.matchAll(/[^。！？\n]+/g)) {
    let depth = 0
    let colons = 0
    for (let index = 0; index < sentence[0].length; index += 1) {
      const mark = sentence[0][index]
      if (mark === '“' || mark === '‘') depth += 1
      else if ((mark === '”' || mark === '’') && depth > 0) depth -= 1
      // 20.3：31.2：48.5 is a ratio, not a sentence's colons.
      else if (mark === '：' && depth === 0 && !(DIGIT.test(sentence[0][index - 1] ?? '') && DIGIT.test(sentence[0][index + 1] ?? '')) && ++colons === 2) hits.push(hit('punctuation', 'warning', sentence.index + index, 1, `一个句子里不宜套用两个冒号（${STANDARD} 4.7）`, null))
    }
  }
  return hits
}

/** 标题 ends without a full stop (a question or exclamation mark may stand). */
export function headlineMarks(text: string): Hit[] {
  const match = /[。．.]\s*$/.exec(text)
  return match && !/\.{2,}\s*$/.test(text) ? [hit('punctuation', 'error', match.index, 1, `标题末尾不用句号（${STANDARD}）`, '')] : []
}

/** Every punctuation finding in a text of one or more paragraphs (separated by line breaks). */
export function findPunctuation(text: string): Hit[] {
  const hits: Hit[] = []
  const paragraphs = text.split('\n')
  // The paragraph a quotation may run on into: the next one with text, found in one backward pass.
  const nextWithText: (string | undefined)[] = []
  for (let index = paragraphs.length - 1, next: string | undefined; index >= 0; index -= 1) {
    nextWithText[index] = next
    if (paragraphs[index].trim()) next = paragraphs[index]
  }
  let offset = 0
  paragraphs.forEach((paragraph, index) => {
    const shifted = [...halfWidthMarks(paragraph), ...unpairedMarks(paragraph, nextWithText[index]), ...doubledMarks(paragraph), ...enumerationComma(paragraph), ...dashes(paragraph), ...misplacedMarks(paragraph)]
    hits.push(...shifted.map((found) => ({ ...found, offset: found.offset + offset })))
    offset += paragraph.length + 1
  })
  return hits
}
