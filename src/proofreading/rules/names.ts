import { hit, type Hit } from '../findings'
import { isHanCode } from '../han'
import { runAtOnce, type Steps } from '../slices'
import { soundOf } from '../sounds'
import { wordBoundaries } from '../wordBoundaries'

/**
 * A name written two ways: 张福芳 in the byline, 张福方 in the text; 邵阳 in one paragraph, 绍阳 in
 * the next. Most such slips are homophones typed through a pinyin input method, so a string is
 * reported when it differs from a known name in exactly one character, that character sounds the
 * same (toneless pinyin), and it stands as a word of its own. Known names are the bylines, the
 * people the text introduces by role (记者 X, 通讯员 X), and the places the paper covers (its
 * regions, with and without 市/县/区), a place only when the article names it correctly too.
 */
export type KnownNames = { people: readonly string[]; places: readonly string[] }

const INTRODUCED = /(?:记者|通讯员|摄影)[ \u3000]*(\p{Script=Han}{2,3}?)(?=[ \u3000，、。）)”]|报道|摄|说|介绍|表示|$)/gu
const PLACE_SUFFIX = /(?:市|县|区|镇|乡|街道|社区|村)$/

export function knownNames(text: string, bylines: readonly string[], places: readonly string[] = []): KnownNames {
  const introduced = [...text.matchAll(INTRODUCED)].map((match) => match[1])
  const people = [...new Set([...bylines.map((name) => name.replace(/\s+/g, '')), ...introduced])].filter((name) => [...name].length >= 2 && [...name].length <= 4)
  const placeForms = places.flatMap((place) => [place, place.replace(PLACE_SUFFIX, '')]).filter((place) => [...place].length >= 2)
  return { people, places: [...new Set(placeForms)] }
}

/** The one position where `candidate` differs from `name` by a homophone, or -1. */
function homophoneSlip(candidate: string, name: string): number {
  if (candidate.length !== name.length || candidate === name) return -1
  let at = -1
  for (let index = 0; index < name.length; index += 1) {
    if (candidate[index] === name[index]) continue
    if (at >= 0) return -1
    at = index
  }
  return at >= 0 && /\p{Script=Han}/u.test(candidate[at]) && soundOf(candidate[at]) === soundOf(name[at]) ? at : -1
}

/** One character off means the first or the second character is the name's own: start from those. */
function candidateStarts(text: string, name: string): number[] {
  const starts = new Set<number>()
  for (let at = text.indexOf(name[0]); at >= 0; at = text.indexOf(name[0], at + 1)) starts.add(at)
  for (let at = text.indexOf(name[1], 1); at >= 1; at = text.indexOf(name[1], at + 1)) starts.add(at - 1)
  return [...starts].filter((at) => at + name.length <= text.length).sort((a, b) => a - b)
}

export function findNameVariants(text: string, names: KnownNames): Hit[] {
  const hits: Hit[] = []
  const known = new Set([...names.people, ...names.places])
  const checked = [...names.people.map((name) => ({ name, place: false })), ...names.places.filter((place) => text.includes(place)).map((name) => ({ name, place: true }))]
  if (checked.length === 0) return hits
  const isWord = wordBoundaries(text)
  const reported = new Set<number>()
  for (const { name, place } of checked) {
    for (const at of candidateStarts(text, name)) {
      const candidate = text.slice(at, at + name.length)
      if (known.has(candidate) || reported.has(at) || homophoneSlip(candidate, name) < 0 || !isWord(at, name.length)) continue
      reported.add(at)
      hits.push(hit('consistency', 'warning', at, name.length, `${place ? '地名' : '人名'}“${candidate}”与“${name}”只差一个同音字，请核对`, name))
    }
  }
  return hits
}

/** For each position, how many Han characters run up to it: a window is all Han when the run at its end covers it. */
function hanRuns(text: string): Uint32Array {
  const runs = new Uint32Array(text.length)
  for (let index = 0; index < text.length; index += 1) runs[index] = isHanCode(text.charCodeAt(index)) ? (index > 0 ? runs[index - 1] : 0) + 1 : 0
  return runs
}

/**
 * Where a string stands as a name: before a place or organisation word (汇景城小区, 万达广场), as
 * a courtesy title (吕先生), or set off in quotation marks (“宝妈荟”). Homophones of ordinary words
 * (主题/主体, 已/以) abound in correct text; names in these positions are what an article repeats.
 */
const NAME_SUFFIX = /^(?:社区|小区|街道|公司|集团|广场|商圈|中心|大厦|花园|公园|景区|湖|村|镇|乡|县|市|区|路|街|园区|工业园|学校|小学|中学|大学|医院|银行|酒店|店|厂|馆)/
const COURTESY = /(?:先生|女士|老师|同志|阿姨|师傅)$/
const NAME_LENGTHS = [2, 3, 4]

function standsAsName(text: string, at: number, length: number): boolean {
  const window = text.slice(at, at + length)
  if (COURTESY.test(window)) return length === 3
  if (/[“‘「]/.test(text[at - 1] ?? '') && /[”’」]/.test(text[at + length] ?? '')) return true
  return length >= 2 && NAME_SUFFIX.test(text.slice(at + length))
}

/**
 * The same name written two ways within the article by a homophone, neither known in advance
 * (汇景城 … 汇景成, 吕先生 … 闾先生): the rarer form is reported, or the later one when both occur
 * once, as an article names a place or a person correctly first.
 */
/** Positions a step covers: a few milliseconds of the windows below. */
const STEP = 2_000

export function* inconsistentSpellings(text: string, alreadyReported: ReadonlySet<number>): Steps<Hit[]> {
  const hits: Hit[] = []
  const isWord = wordBoundaries(text)
  const runs = hanRuns(text)
  const allHan = (at: number, length: number) => runs[at + length - 1] >= length
  const sounds: string[] = []
  const soundAt = (at: number) => (sounds[at] ??= soundOf(text[at]))
  for (const length of NAME_LENGTHS) {
    // First the sounds of the strings that stand as names; then every spelling of those sounds that stands as a word.
    const soundKey = (at: number) => {
      let key = soundAt(at)
      for (let index = 1; index < length; index += 1) key += ` ${soundAt(at + index)}`
      return key
    }
    const nameSounds = new Set<string>()
    for (let at = 0; at + length <= text.length; at += 1) {
      if (at % STEP === 0) yield
      if (allHan(at, length) && standsAsName(text, at, length) && isWord(at, length)) nameSounds.add(soundKey(at))
    }
    if (nameSounds.size === 0) continue
    // A spelling of a name's sound starts with the sound of a name's first character: most windows stop there.
    const firstSounds = new Set([...nameSounds].map((key) => key.split(' ')[0]))
    const bySound = new Map<string, Map<string, number[]>>()
    for (let at = 0; at + length <= text.length; at += 1) {
      if (at % STEP === 0) yield
      if (!allHan(at, length) || !firstSounds.has(soundAt(at))) continue
      const window = text.slice(at, at + length)
      const key = soundKey(at)
      // Two-character words sound alike too often (主题/主体, 中心/重心): both spellings must stand as names.
      if (!nameSounds.has(key) || (length === 2 && !standsAsName(text, at, length)) || !isWord(at, length)) continue
      const spellings = bySound.get(key) ?? new Map<string, number[]>()
      bySound.set(key, spellings)
      const positions = spellings.get(window)
      if (positions) positions.push(at)
      else spellings.set(window, [at])
    }
    for (const spellings of bySound.values()) {
      if (spellings.size < 2) continue
      // Most frequent first; of equals, the first written.
      const forms = [...spellings.entries()].sort((a, b) => b[1].length - a[1].length || a[1][0] - b[1][0])
      const [usual] = forms[0]
      for (const [form, positions] of forms.slice(1)) {
        if (homophoneSlip(form, usual) < 0) continue
        for (const at of positions) {
          if (alreadyReported.has(at)) continue
          hits.push(hit('consistency', 'warning', at, length, `“${form}”与本稿中的“${usual}”只差一个同音字，请核对是否为同一名称`, usual))
        }
      }
    }
  }
  return hits
}

export const findInconsistentSpellings = (text: string, alreadyReported: ReadonlySet<number>): Hit[] => runAtOnce(inconsistentSpellings(text, alreadyReported))
