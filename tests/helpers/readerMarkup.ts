import { type DefaultTreeAdapterTypes, parse } from 'parse5'

import { safeLinkHref } from '@/newsroom/safeUrl'
import { FONT_SIZE_SCRIPT_PATH } from '@/reader/fontSize'
import { VIEW_SCRIPT_PATH } from '@/readerViews/paths'
import { parseXml } from './xml'

/**
 * Checks on what the reader site sends, made with the parsers a browser and a feed reader use
 * (parse5, the WHATWG HTML parser; an XML DOM) rather than by reading the markup with the code
 * under test: an injected element or attribute is found the way a parser finds it, not the way
 * a template meant it.
 */

/**
 * Every element the reader components write; anything else in a page came from content. React
 * adds <link rel="preload"> for priority images; any other <link> would be content's.
 */
const READER_ELEMENTS = new Set([
  'html', 'head', 'meta', 'body', 'article', 'header', 'footer', 'section', 'nav', 'aside', 'figure', 'figcaption', 'img',
  'div', 'p', 'h1', 'h2', 'h3', 'a', 'span', 'strong', 'em', 'time', 'ul', 'ol', 'li', 'blockquote', 'hr', 'br', 'script', 'mark',
  'form', 'label', 'input', 'button', 'select', 'option', 'fieldset', 'legend',
])

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml'

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'data', 'xlink:href', 'background', 'cite'])

type HtmlElement = DefaultTreeAdapterTypes.Element
type HtmlParent = DefaultTreeAdapterTypes.ParentNode

/** Every element under a node in document order, template contents included. */
function* elementsUnder(node: HtmlParent): Generator<HtmlElement> {
  for (const child of node.childNodes) {
    if (!('tagName' in child)) continue
    yield child
    yield* elementsUnder(child.tagName === 'template' ? (child as DefaultTreeAdapterTypes.Template).content : child)
  }
}

const attributesOf = (element: HtmlElement) => element.attrs.map((attribute) => ({ name: attribute.prefix ? `${attribute.prefix}:${attribute.name}` : attribute.name, value: attribute.value }))
const attributeOf = (element: HtmlElement, name: string) => attributesOf(element).find((attribute) => attribute.name === name)?.value

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg'
/** The share box's QR code (qrcode's SVG): a square of paths, their data drawn from the page's own address, no text or links. */
const QR_CODE_SVG: Record<string, ReadonlySet<string>> = { svg: new Set(['xmlns', 'viewBox', 'viewbox', 'shape-rendering']), path: new Set(['fill', 'stroke', 'd']) }

function isReaderElement(element: HtmlElement): boolean {
  if (element.namespaceURI === SVG_NAMESPACE && QR_CODE_SVG[element.tagName]) return attributesOf(element).every(({ name }) => QR_CODE_SVG[element.tagName].has(name))
  if (element.namespaceURI !== HTML_NAMESPACE || !READER_ELEMENTS.has(element.tagName)) return element.tagName === 'link' && attributeOf(element, 'rel') === 'preload'
  if (element.tagName !== 'script') return true
  // JSON-LD data, and the site's own static scripts (public/font-size.js, the view counter): nothing inline, nothing from content.
  if (attributeOf(element, 'type') === 'application/ld+json' || isViewCounterScript(element)) return true
  return attributesOf(element).length === 1 && attributeOf(element, 'src') === FONT_SIZE_SCRIPT_PATH && element.childNodes.length === 0
}

/** The article page's view counter (阅读量), exactly as the page writes it: the site's own static file, nothing inline. */
const isViewCounterScript = (element: HtmlElement) =>
  attributeOf(element, 'src') === VIEW_SCRIPT_PATH && attributesOf(element).every(({ name }) => name === 'src' || name === 'async') && element.childNodes.length === 0

const describeElement = (element: HtmlElement) => `<${element.tagName}${attributesOf(element).map(({ name, value }) => ` ${name}="${value}"`).join('')}>`

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
  const document = parse(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${fragment}</body></html>`)
  const problems: string[] = []
  for (const element of elementsUnder(document)) {
    if (!isReaderElement(element)) problems.push(`unexpected element: ${describeElement(element)}`)
    for (const { name, value } of attributesOf(element)) {
      if (/^on/i.test(name)) problems.push(`event handler ${name}="${value}"`)
      if ((URL_ATTRIBUTES.has(name) || SRCSET_ATTRIBUTES.has(name)) && !isSafeTarget(name, value)) problems.push(`unsafe ${name}="${value}"`)
    }
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

/** Elements of an XML document outside its format's vocabulary (by local name), as `prefix:name`; '' when there are none. */
export function strayXmlElements(xml: string, vocabulary: readonly string[]): string {
  const known = new Set(vocabulary)
  return Array.from(parseXml(xml).getElementsByTagName('*'))
    .filter((element) => !known.has(element.localName ?? ''))
    .map((element) => element.tagName)
    .join(' ')
}

export const RSS_ELEMENTS = ['rss', 'channel', 'title', 'link', 'description', 'lastBuildDate', 'docs', 'language', 'image', 'url', 'copyright', 'item', 'guid', 'pubDate', 'category', 'creator', 'content', 'enclosure']

export const ATOM_ELEMENTS = ['feed', 'id', 'title', 'updated', 'link', 'subtitle', 'logo', 'icon', 'rights', 'author', 'name', 'entry', 'summary', 'published', 'category', 'contributor']
