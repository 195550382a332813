import { safeLinkHref } from '@/newsroom/safeUrl'
import { xmllint } from './xml'

/**
 * Checks on what the reader site sends, made with libxml2's parsers (xmllint) rather than by
 * reading the markup with the code under test: an injected element or attribute is found the
 * way a parser finds it, not the way a template meant it.
 */

/**
 * Every element the reader components write; anything else in a page came from content. React
 * adds <link rel="preload"> for priority images; any other <link> would be content's.
 */
const READER_ELEMENTS = [
  'html', 'head', 'meta', 'body', 'article', 'header', 'footer', 'section', 'nav', 'aside', 'figure', 'figcaption', 'img',
  'div', 'p', 'h1', 'h2', 'h3', 'a', 'span', 'strong', 'em', 'time', 'ul', 'ol', 'li', 'blockquote', 'hr', 'br', 'script', 'mark',
  'form', 'label', 'input', 'button', 'select', 'option', 'fieldset', 'legend',
]

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'data', 'xlink:href', 'background', 'cite'])

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** An attribute value as libxml2 prints it, with its five entities and numeric references. */
const decodeEntities = (text: string) =>
  text.replace(/&(#x[\da-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, code: string) =>
    code.startsWith('#') ? String.fromCodePoint(Number(code.startsWith('#x') || code.startsWith('#X') ? `0${code.slice(1)}` : code.slice(1))) : ENTITIES[code.toLowerCase()],
  )

/** Runs an XPath over an HTML or XML document; '' when it selects nothing. */
function select(document: string, expression: string, html: boolean): string {
  const { status, stdout, stderr } = xmllint([...(html ? ['--html'] : []), '--xpath', expression, '-'], document)
  // 10 is "XPath set is empty"; HTML mode also warns about HTML5 elements, which is no failure.
  if (status !== 0 && status !== 10) throw new Error(`xmllint failed on ${expression}: ${stderr}`)
  return status === 10 ? '' : stdout.trim()
}

const JSON_LD = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/g

/** The JSON-LD blocks of a page, as the bytes between the script tags. */
export const jsonLdBlocksOf = (html: string) => [...html.matchAll(JSON_LD)].map((match) => match[1])

/** A script's data is not HTML-escaped, so text checks must look at the rest of the page. */
export const withoutJsonLd = (html: string) => html.replace(JSON_LD, '')

/** Why a JSON-LD block could end its script element early or fail to parse; [] when it is sound. */
export function jsonLdProblems(block: string): string[] {
  const problems: string[] = []
  if (block.includes('<')) problems.push(`raw "<" in JSON-LD: ${block.slice(block.indexOf('<') - 20, block.indexOf('<') + 20)}`)
  if (/[\u2028\u2029]/.test(block)) problems.push('raw U+2028/U+2029 in JSON-LD')
  try {
    JSON.parse(block)
  } catch (error) {
    problems.push(`JSON-LD does not parse: ${(error as Error).message}`)
  }
  return problems
}

const SRCSET_ATTRIBUTES = new Set(['srcset', 'imagesrcset'])

const isSafeTarget = (name: string, value: string) =>
  SRCSET_ATTRIBUTES.has(name) ? value.split(/,\s+/).every((candidate) => safeLinkHref(candidate.split(/\s+/)[0]) != null) : safeLinkHref(value) != null

/**
 * What in an HTML page did not come from the reader components: elements they never write,
 * scripts other than JSON-LD, event-handler attributes, links and sources with unsafe targets.
 */
export function htmlProblems(fragment: string): string[] {
  const document = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${fragment}</body></html>`
  const problems: string[] = []
  const allowed = READER_ELEMENTS.map((name) => `self::${name}`).join(' or ')
  const strays = select(document, `//*[not(${allowed} or self::link[@rel='preload'])] | //script[not(@type='application/ld+json')]`, true)
  if (strays) problems.push(`unexpected elements: ${strays}`)
  for (const [, name, raw] of select(document, '//@*', true).matchAll(/(?:^|\s)([^\s=]+)="([^"]*)"/g)) {
    const value = decodeEntities(raw)
    if (/^on/i.test(name)) problems.push(`event handler ${name}="${value}"`)
    if ((URL_ATTRIBUTES.has(name) || SRCSET_ATTRIBUTES.has(name)) && !isSafeTarget(name, value)) problems.push(`unsafe ${name}="${value}"`)
  }
  return problems
}

/**
 * Texts with markup characters that a page holds as they are, i.e. unescaped. Only `<>"'` tell:
 * escaping never writes them, while `&lt;` may be one text escaped as well as another raw.
 */
export function unescapedIn(html: string, texts: readonly string[]): string[] {
  const page = withoutJsonLd(html)
  return texts.filter((text) => /[<>"']/.test(text) && page.includes(text))
}

/** Elements of an XML document outside its format's vocabulary (by local name), as printed. */
export function strayXmlElements(xml: string, vocabulary: readonly string[]): string {
  return select(xml, `//*[not(${vocabulary.map((name) => `local-name()='${name}'`).join(' or ')})]`, false)
}

export const RSS_ELEMENTS = ['rss', 'channel', 'title', 'link', 'description', 'lastBuildDate', 'docs', 'language', 'image', 'url', 'copyright', 'item', 'guid', 'pubDate', 'category', 'creator', 'content', 'enclosure']

export const ATOM_ELEMENTS = ['feed', 'id', 'title', 'updated', 'link', 'subtitle', 'logo', 'icon', 'rights', 'author', 'name', 'entry', 'summary', 'published', 'category', 'contributor']
