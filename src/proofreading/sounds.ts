import { pinyin } from 'pinyin-pro'

/**
 * Characters by sound, toneless: slips typed through a pinyin input method are homophones
 * (燃眉/然眉, 即将/既将), and the tone is what such a slip most often gets wrong.
 */
const usual = new Map<string, string>()
const every = new Map<string, readonly string[]>()

/** A character's usual reading. */
export function soundOf(character: string): string {
  if (!usual.has(character)) usual.set(character, pinyin(character, { toneType: 'none', v: true }))
  return usual.get(character)!
}

/** Every reading of a character (a polyphone has several). */
export function soundsOf(character: string): readonly string[] {
  if (!every.has(character)) every.set(character, [...new Set(pinyin(character, { toneType: 'none', v: true, multiple: true, type: 'array' }))])
  return every.get(character)!
}

/** The readings of a word's characters in that word (行 is xing in 一行, hang in 银行). */
export const soundsInWord = (word: string): readonly string[] => pinyin(word, { toneType: 'none', v: true, type: 'array' })
