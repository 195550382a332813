import phraseList from '../data/fixedPhrases.json'
import { hit, type Hit } from '../findings'
import { isHanCode } from '../han'
import { soundsInWord, soundsOf } from '../sounds'
import { replacementStandsAsWord } from '../wordBoundaries'

/**
 * A four-character word or set phrase with one character replaced by a homophone (然眉之急 for
 * 燃眉之急, 坚定不疑 for 坚定不移): the slip a pinyin input method makes, in the phrases a
 * miswriting list can never hold all of. A run of four characters is reported when it is not a
 * listed phrase itself, one character away from one that is, that character sounds the same, and
 * the phrase, put in its place, stands as a word (so a run across two words is left alone).
 */
const PHRASE_LENGTH = 4

/** Phrases by their first two and by their last two characters: a slip of one character keeps one pair. */
type PhraseIndex = { phrases: ReadonlySet<string>; byHead: ReadonlyMap<number, readonly string[]>; byTail: ReadonlyMap<number, readonly string[]> }
let index: PhraseIndex | null = null

/** Two characters as one number: a lookup by number allocates no string, which at every position of an article adds up. */
const pairAt = (text: string, at: number) => text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1)

function addTo(map: Map<number, string[]>, key: number, phrase: string) {
  const list = map.get(key)
  if (list) list.push(phrase)
  else map.set(key, [phrase])
}

function phraseIndex(): PhraseIndex {
  if (index) return index
  const phrases = new Set(phraseList.entries)
  const byHead = new Map<number, string[]>()
  const byTail = new Map<number, string[]>()
  for (const phrase of phrases) {
    addTo(byHead, pairAt(phrase, 0), phrase)
    addTo(byTail, pairAt(phrase, 2), phrase)
  }
  index = { phrases, byHead, byTail }
  return index
}

const phraseSounds = new Map<string, readonly string[]>()
const soundsOfPhrase = (phrase: string) => {
  if (!phraseSounds.has(phrase)) phraseSounds.set(phrase, soundsInWord(phrase))
  return phraseSounds.get(phrase)!
}

/** The position where `run` differs from `phrase` by one homophone, or -1. */
function homophonePosition(run: string, phrase: string): number {
  let position = -1
  for (let index = 0; index < PHRASE_LENGTH; index += 1) {
    if (run[index] === phrase[index]) continue
    if (position >= 0) return -1
    position = index
  }
  return position >= 0 && soundsOf(run[position]).includes(soundsOfPhrase(phrase)[position]) ? position : -1
}

const slipIn = (run: string, candidates: readonly string[] | undefined) => {
  for (const phrase of candidates ?? []) {
    const position = homophonePosition(run, phrase)
    if (position >= 0) return { phrase, position }
  }
  return null
}

/** Whether a four-character string is a listed word or set phrase (三管齐下). */
export const isFixedPhrase = (run: string): boolean => phraseIndex().phrases.has(run)

/** `listed`: what the word lists found in the text; a phrase slip they already name is not reported twice (丰富多采 is a GF 1001 variant). */
export function findPhraseSlips(text: string, listed: readonly Hit[] = []): Hit[] {
  const { phrases, byHead, byTail } = phraseIndex()
  const hits: Hit[] = []
  const covered = new Uint8Array(text.length + 1)
  for (const found of listed) covered.fill(1, found.offset, found.offset + found.length)
  let hanRun = 0
  for (let end = 0; end < text.length; end += 1) {
    hanRun = isHanCode(text.charCodeAt(end)) ? hanRun + 1 : 0
    if (hanRun < PHRASE_LENGTH) continue
    const at = end - PHRASE_LENGTH + 1
    // Most runs share neither pair with any phrase: two lookups of two characters end them.
    const sameHead = byHead.get(pairAt(text, at))
    const sameTail = byTail.get(pairAt(text, at + 2))
    if (!sameHead && !sameTail) continue
    const run = text.slice(at, end + 1)
    if (phrases.has(run)) continue
    const match = slipIn(run, sameHead) ?? slipIn(run, sameTail)
    if (!match || covered.subarray(at, end + 1).includes(1)) continue
    if (!replacementStandsAsWord(text, at, PHRASE_LENGTH, match.phrase)) continue
    hits.push(hit('typo', 'error', at, PHRASE_LENGTH, `“${run}”疑为“${match.phrase}”：“${run[match.position]}”与“${match.phrase[match.position]}”同音`, match.phrase))
    hanRun = 0
  }
  return hits
}
