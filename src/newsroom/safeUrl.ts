/**
 * Which link targets may reach readers: one rule for the editor's validation on save and for
 * the reader pages, which must not trust stored data (imports and old rows never passed it).
 *
 * An allow-list, not a block-list: `javascript:` has too many spellings (`JaVaScRiPt:`,
 * `java\tscript:`, a leading control character, `javascript&#58;`…) for a block-list to keep up.
 */

export const SAFE_LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const

export type UnsafeLinkReason = 'empty' | 'hiddenCharacters' | 'backslash' | 'protocolRelative' | 'noScheme' | 'scheme' | 'incomplete'

export type LinkVerdict = { safe: true; href: string } | { safe: false; reason: UnsafeLinkReason }

// Browsers silently drop tabs, newlines and leading controls from a URL (`java\tscript:` runs
// as `javascript:`), and zero-width or bidi characters hide what a reviewer reads; a real URL
// writes all of these percent-encoded. Spaces (U+3000 too) are refused for the same reason.
const HIDDEN_CHARACTERS = /[\p{Cc}\p{Cf}\p{Z}]/u

// Browsers read `\` as `/` in http(s) URLs, so `/\evil.example` leaves the site like `//evil.example`.
const BACKSLASH = /\\/

const SCHEME = /^([a-z][a-z\d+.-]*):/i

const HOST_SCHEMES = new Set(['http', 'https'])

/**
 * `//host/…` is refused although it cannot run script: it reads like a site path to anyone
 * reviewing the article, yet leaves the site, and in feeds and syndication it has no page
 * scheme to resolve against. Editors write the full `https://` address instead.
 */
export function checkLinkUrl(value: unknown): LinkVerdict {
  if (typeof value !== 'string' || value === '') return { safe: false, reason: 'empty' }
  if (HIDDEN_CHARACTERS.test(value)) return { safe: false, reason: 'hiddenCharacters' }
  if (BACKSLASH.test(value)) return { safe: false, reason: 'backslash' }
  if (value.startsWith('//')) return { safe: false, reason: 'protocolRelative' }
  if (value.startsWith('/') || value.startsWith('#')) return { safe: true, href: value }
  const scheme = SCHEME.exec(value)?.[1].toLowerCase()
  if (!scheme) return { safe: false, reason: 'noScheme' }
  if (!(SAFE_LINK_SCHEMES as readonly string[]).includes(scheme)) return { safe: false, reason: 'scheme' }
  const rest = value.slice(scheme.length + 1)
  if (HOST_SCHEMES.has(scheme) ? !URL.canParse(value) || !new URL(value).hostname : rest === '') return { safe: false, reason: 'incomplete' }
  return { safe: true, href: value }
}

/** The href to render, or null when the link must be shown as plain text. */
export function safeLinkHref(value: unknown): string | null {
  const verdict = checkLinkUrl(value)
  return verdict.safe ? verdict.href : null
}

const REASONS: Record<UnsafeLinkReason, string> = {
  empty: '地址为空',
  hiddenCharacters: '含有空格、换行、控制字符或不可见字符（常见于从别处复制粘贴），请删去后重新输入',
  backslash: '含有反斜杠“\\”，浏览器会把它当作“/”而跳到其他网站',
  protocolRelative: '以“//”开头的地址会跳到其他网站，请写完整的 https:// 地址',
  noScheme: '站内链接请以“/”开头，站外链接请写完整地址（如 https://www.example.com）',
  scheme: '不允许这种协议的地址（如 javascript:、data:、vbscript:、file:）',
  incomplete: '地址不完整（如缺少网站域名）',
}

const SHOWN_LENGTH = 60

/** The address as an editor can recognise it: invisible characters made visible, long ones cut. */
function shown(value: string): string {
  const visible = value.replace(new RegExp(HIDDEN_CHARACTERS.source, 'gu'), (char) => `\\u{${char.codePointAt(0)!.toString(16).toUpperCase()}}`)
  const chars = Array.from(visible)
  return chars.length > SHOWN_LENGTH ? `${chars.slice(0, SHOWN_LENGTH).join('')}…` : visible
}

/** The Chinese validation message for an unsafe link, naming the field it was found in. */
export function unsafeLinkMessage(fieldLabel: string, value: unknown, reason: UnsafeLinkReason): string {
  const address = typeof value === 'string' && value !== '' ? `“${shown(value)}”` : ''
  return `${fieldLabel}${address}不可用：${REASONS[reason]}。只允许以 http://、https://、mailto:、tel: 开头的地址，或以“/”“#”开头的站内地址。`
}
