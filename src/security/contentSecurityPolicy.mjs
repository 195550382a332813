// @ts-check
// Plain JavaScript, not TypeScript: Next.js loads the cache handler that uses this module with
// Node's own import() at run time, unbundled, and Node 20 cannot import .ts files.
import { createHash, randomBytes } from 'node:crypto'

/**
 * Every Content-Security-Policy the site sends is built here.
 *
 * Reader pages allow no inline script but their own. App Router pages carry the page's data for
 * hydration in inline `<script>self.__next_f.push(…)</script>` elements; reader pages lose those
 * with the rest of Next.js's client runtime (../publishing/hydrationScripts.mjs), so today they
 * are left with none and their policy allows the site's own files only. A page served from the
 * cache lists the SHA-256 of each inline script it still carries, computed once when the page
 * enters the cache, after the runtime is taken out (readerPageCacheHandler.mjs); a page rendered
 * per request (search, previews) gets a fresh nonce instead (proxy.ts). A nonce on a cached page
 * would be the same for every reader, which is no nonce at all.
 */
export const CONTENT_SECURITY_POLICY_HEADER = 'content-security-policy'

/** @typedef {Readonly<Record<string, readonly string[]>>} Directives */

/**
 * Reader pages load nothing from other origins (docs/reader-site.md), so every fetch
 * directive is 'self'. Same-origin framing stays allowed because the admin's live preview frames
 * /preview pages. script-src and style-src also list what a page carries inline.
 * @type {Directives}
 */
const READER_PAGE_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
}

/**
 * Payload's admin leaves scripts alone. It is rendered per request, so a nonce would be
 * possible, but its markup carries inline styles and style attributes of its own and its
 * editors (Lexical, drag and drop) are not ours to audit view by view; a script policy that
 * broke one view would lock editors out. It closes what needs no cooperation from them:
 * framing by other sites, plugins, `<base>` hijacking and forms posting elsewhere.
 */
export const ADMIN_POLICY = serializePolicy({
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
})

/**
 * JSON, XML feeds, sitemaps, robots.txt and uploaded files are never meant to run anything, even
 * when opened as a document, so they may load nothing at all.
 */
export const DATA_POLICY = serializePolicy({
  'default-src': ["'none'"],
  'frame-ancestors': ["'self'"],
})

/**
 * @param {Directives} directives
 * @returns {string}
 */
export function serializePolicy(directives) {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ')
}

/**
 * @param {{ scripts: readonly string[], styles?: readonly string[] }} inline CSP sources that
 *   allow the page's own inline scripts and styles (`'sha256-…'`, `'nonce-…'`)
 * @returns {string}
 */
export function readerPagePolicy({ scripts, styles = [] }) {
  return serializePolicy({
    ...READER_PAGE_DIRECTIVES,
    'script-src': [...READER_PAGE_DIRECTIVES['script-src'], ...scripts],
    'style-src': [...READER_PAGE_DIRECTIVES['style-src'], ...styles],
  })
}

/**
 * @param {string} html a whole rendered page
 * @returns {string}
 */
export function readerPagePolicyForHtml(html) {
  return readerPagePolicy({ scripts: inlineScriptHashes(html), styles: inlineStyleHashes(html) })
}

/**
 * @param {string} nonce
 * @returns {string}
 */
export function readerPagePolicyWithNonce(nonce) {
  return readerPagePolicy({ scripts: [`'nonce-${nonce}'`] })
}

/** 128 random bits, base64: what CSP Level 3 asks of a nonce. */
export function createNonce() {
  return randomBytes(16).toString('base64')
}

// An element's raw text ends at the first `</script` (`</style`) followed by whitespace, `/` or
// `>`; attribute values may hold a `>` when quoted.
const ATTRIBUTES = `((?:[^>"']|"[^"]*"|'[^']*')*)`
const SCRIPT_ELEMENT = new RegExp(`<script\\b${ATTRIBUTES}>([\\s\\S]*?)</script[\\s/>]`, 'gi')
const STYLE_ELEMENT = new RegExp(`<style\\b${ATTRIBUTES}>([\\s\\S]*?)</style[\\s/>]`, 'gi')
const START_TAG = new RegExp(`<[a-z][^\\s/>]*${ATTRIBUTES}>`, 'gi')
const SRC_ATTRIBUTE = /(?:^|\s)src(?:\s*=|\s|$)/i

/**
 * The CSP source expression of every inline script the browser would run, in page order
 * without repeats. JSON data blocks (JSON-LD) are left out: browsers never run them, so CSP
 * does not govern them. Every other type is kept, since hashing a script that never runs
 * costs a few bytes and missing one that does breaks the page.
 * @param {string} html
 * @returns {string[]}
 */
export function inlineScriptHashes(html) {
  const hashes = new Set()
  for (const [, attributes, text] of html.matchAll(SCRIPT_ELEMENT)) {
    if (SRC_ATTRIBUTE.test(attributes) || /[/+]json$/.test((attributeValue(attributes, 'type') ?? '').trim().toLowerCase())) continue
    hashes.add(sha256Source(text))
  }
  return [...hashes]
}

/**
 * The CSP sources for a page's `<style>` elements and style attributes. Reader markup has
 * neither (the security e2e test checks); Next.js's built-in error pages (`/_not-found`,
 * `/_global-error`) have both, and stay styled under the same strict policy. Attributes need
 * 'unsafe-hashes', which allows exactly the hashed attribute values and nothing else.
 * @param {string} html
 * @returns {string[]}
 */
export function inlineStyleHashes(html) {
  const elements = [...html.matchAll(STYLE_ELEMENT)].map(([, , text]) => sha256Source(text))
  const withoutRawText = html.replace(SCRIPT_ELEMENT, '').replace(STYLE_ELEMENT, '')
  const attributeHashes = [...withoutRawText.matchAll(START_TAG)].flatMap(([, tagAttributes]) => {
    const style = attributeValue(tagAttributes, 'style')
    return style === undefined ? [] : [sha256Source(decodeCharacterReferences(style))]
  })
  return [...new Set([...elements, ...(attributeHashes.length > 0 ? ["'unsafe-hashes'", ...attributeHashes] : [])])]
}

/**
 * @param {string} attributes a start tag's attributes
 * @param {string} name
 * @returns {string | undefined}
 */
function attributeValue(attributes, name) {
  const match = attributes.match(new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i'))
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined
}

/**
 * Browsers hash text after HTML input preprocessing, which turns every CR LF and lone CR into LF.
 * @param {string} text
 */
function sha256Source(text) {
  return `'sha256-${createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('base64')}'`
}

const NAMED_CHARACTERS = /** @type {Record<string, string>} */ ({ amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' })

/**
 * Attribute values are hashed as the browser sees them, after `&quot;` and the like are decoded
 * (React writes only these and numeric references).
 * @param {string} value
 */
function decodeCharacterReferences(value) {
  return value.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|quot|apos|lt|gt));/gi, (reference, decimal, hex, name) =>
    decimal ? String.fromCodePoint(Number(decimal)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (NAMED_CHARACTERS[name.toLowerCase()] ?? reference),
  )
}
