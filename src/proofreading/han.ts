/**
 * Whether a character is a Chinese character (CJK Unified Ideographs and Extension A), by code
 * unit: the rules ask at every position of an article, where a regular expression per character
 * costs more than the rule itself. Characters outside the BMP (Extension B on) count as not Han.
 */
export const isHanCode = (code: number): boolean => (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)

export const isHanCharacter = (character: string | undefined): boolean => character !== undefined && character.length > 0 && isHanCode(character.charCodeAt(0))
