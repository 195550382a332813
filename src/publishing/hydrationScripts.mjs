// @ts-check
// Plain JavaScript: the page cache handler (src/security/readerPageCacheHandler.mjs), which
// Node imports unbundled, and the production server (scripts/server.mjs) both use it.

/**
 * Reader pages are documents: links are plain links, search is a GET form, the 字号 switch is a
 * static script (public/font-size.js), the share QR code is SVG drawn on the server. Nothing on
 * them needs React in the browser, yet every App Router page carries Next.js's runtime (React
 * DOM, its router, Turbopack's loader: ≈132 KB gzip) and the page's data again as inline flight
 * data (`self.__next_f.push(…)`) to hydrate itself, and App Router has no option to leave them
 * out (the Pages Router's `unstable_runtimeJS: false` has no App Router counterpart). So they are
 * taken out of the HTML: every `<script>` loaded from `/_next/`, every inline script of Next.js's
 * (`self.__next_…`, Turbopack's `TURBOPACK` loader), and the `<link rel="preload" as="script">`
 * and `rel="modulepreload"` hints for `/_next/` files. JSON data blocks (JSON-LD) and scripts
 * served from the site's own paths outside `/_next/` (public/font-size.js and the like) stay.
 * See docs/reader-site.md, "Page weight".
 *
 * Pages that React finishes in the browser keep them: Next.js's error shell (`<html
 * id="__next_error__">`, an empty body), with which Next.js answers `notFound()` (every reader
 * 404: an unknown address, a missing article) and a failed render, drawing the 404 page or the
 * error page in the browser from the flight data; and a page with a Suspense boundary the server
 * gave up on (`<!--$!-->`), which React renders again in the browser. Stripped, the reader would
 * get a blank page or a hole.
 */

// As in contentSecurityPolicy.mjs: attribute values may hold a `>` when quoted, and React
// escapes `</script` inside a script's text, so its element ends at the first `</script`.
const ATTRIBUTES = `((?:[^>"']|"[^"]*"|'[^']*')*)`
const SCRIPT_ELEMENT = new RegExp(`<script\\b${ATTRIBUTES}>([\\s\\S]*?)</script\\s*>`, 'gi')
const LINK_ELEMENT = new RegExp(`<link\\b${ATTRIBUTES}/?>`, 'gi')
/** A URL served from Next.js's build output, with or without an origin or asset prefix in front. */
const NEXT_ASSET = /^(?:[a-z][a-z0-9+.-]*:)?(?:\/\/[^/]*)?(?:\/[^?#]*)?\/_next\//i
/** What Next.js's and Turbopack's inline scripts name: `self.__next_f`, `self.__next_r`, `__next_s`, `TURBOPACK`. */
const NEXT_INLINE_SCRIPT = /\b__next_[a-z]+\b|\bTURBOPACK\b/

/**
 * @param {string} html a whole rendered reader page
 * @returns {string} the page without Next.js's scripts and the hints that preload them
 */
export function withoutHydrationScripts(html) {
  if (rendersInBrowser(html)) return html
  return html
    .replace(SCRIPT_ELEMENT, (element, attributes, text) => (isNextScript(attributes, text) ? '' : element))
    .replace(LINK_ELEMENT, (element, attributes) => (isNextScriptHint(attributes) ? '' : element))
}

/**
 * Whether a page still carries anything of Next.js's client runtime (tests, the server's check).
 * @param {string} html
 */
export function hasHydrationScripts(html) {
  return withoutHydrationScripts(html).length !== html.length
}

/**
 * Whether React draws the page, or part of it, in the browser (see above).
 * @param {string} html
 */
export function rendersInBrowser(html) {
  const root = /<html\b((?:[^>"']|"[^"]*"|'[^']*')*)>/i.exec(html)
  return (root !== null && attributeValue(root[1], 'id') === '__next_error__') || html.includes('<!--$!-->')
}

/**
 * @param {string} attributes
 * @param {string} text
 */
function isNextScript(attributes, text) {
  const src = attributeValue(attributes, 'src')
  if (src !== undefined) return NEXT_ASSET.test(src.trim())
  if (/[/+]json$/.test((attributeValue(attributes, 'type') ?? '').trim().toLowerCase())) return false
  return NEXT_INLINE_SCRIPT.test(text)
}

/** @param {string} attributes */
function isNextScriptHint(attributes) {
  const rel = (attributeValue(attributes, 'rel') ?? '').toLowerCase().split(/\s+/)
  const as = (attributeValue(attributes, 'as') ?? '').trim().toLowerCase()
  const preloadsScript = rel.includes('modulepreload') || (rel.includes('preload') && as === 'script')
  return preloadsScript && NEXT_ASSET.test((attributeValue(attributes, 'href') ?? '').trim())
}

/**
 * @param {string} attributes a start tag's attributes
 * @param {string} name
 * @returns {string | undefined}
 */
function attributeValue(attributes, name) {
  const match = attributes.match(new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i'))
  if (match) return match[1] ?? match[2] ?? match[3]
  return new RegExp(`(?:^|\\s)${name}(?=\\s|/|$)`, 'i').test(attributes) ? '' : undefined
}
