/**
 * The 副题 (deck) is printed after a dash: `——郴州市盘活国有"三资"的探索实践`. The dash is
 * typography, not text: it is stored without it and added once when shown. Journalists type
 * it anyway, in whatever their keyboard gives (—— ── -- －－), so saving strips it, and showing
 * strips it again for decks saved before that rule.
 */

/** Every character that stands for the deck's leading dash, with the spaces around it. */
const LEADING_DASHES = /^[\s\u3000]*(?:[-‐‑‒–—―─━－⸺⸻][\s\u3000]*)+/

/** The deck as stored: without its leading dashes and surrounding spaces; empty stays empty. */
export function deckWithoutDash(deck: string): string {
  return deck.replace(LEADING_DASHES, '').trim()
}

/** The deck as printed: exactly one Chinese dash (——) before it, or nothing when it is empty. */
export function printedDeck(deck: string | null | undefined): string | null {
  const text = deck ? deckWithoutDash(deck) : ''
  return text ? `——${text}` : null
}
