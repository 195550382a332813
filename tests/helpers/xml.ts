import fs from 'node:fs'
import path from 'node:path'

import { DOMParser } from '@xmldom/xmldom'
import { validateXML } from 'xmllint-wasm'
import xpathEngine from 'xpath'

export const SITEMAP_XSD = path.resolve(process.cwd(), '../shared/standards/sitemap.xsd')
export const SITEMAP_INDEX_XSD = path.resolve(process.cwd(), '../shared/standards/siteindex.xsd')

/** A sitemap of 50,000 URLs is about 5 MB, several times that inside libxml2: room for 256 MiB. */
const MAX_MEMORY_PAGES = 4096

/**
 * libxml2's own parser and schema validator (xmllint compiled to WebAssembly, run in Node) is
 * the arbiter of well-formedness and schema validity here: no system package needed.
 */
async function libxml2Problems(xml: string, schemaFile?: string): Promise<string[]> {
  const document = { fileName: 'document.xml', contents: xml }
  const result = await validateXML({
    xml: document,
    maxMemoryPages: MAX_MEMORY_PAGES,
    ...(schemaFile ? { schema: { fileName: path.basename(schemaFile), contents: fs.readFileSync(schemaFile, 'utf8') } } : { normalization: 'format' as const }),
  })
  return result.valid ? [] : result.errors.map((error) => error.rawMessage)
}

export async function expectWellFormed(xml: string): Promise<void> {
  expect(await libxml2Problems(xml)).toEqual([])
}

export async function expectValidAgainst(xml: string, schemaFile: string): Promise<void> {
  expect(await libxml2Problems(xml, schemaFile)).toEqual([])
}

/** XML's own prefix is bound in every document (Namespaces in XML 1.0, §3). */
const select = xpathEngine.useNamespaces({ xml: 'http://www.w3.org/XML/1998/namespace' })

/**
 * XML 1.0's end-of-line handling (§2.11): only CR LF and CR become LF. xmldom's default is XML
 * 1.1's, which also turns U+2028, U+2029 and NEL into LF, so a feed that keeps them would read as
 * one that broke its lines.
 */
const xml10LineEnds = (xml: string) => xml.replace(/\r\n?/g, '\n')

/** Parses strictly: an XPath over a document that is not well-formed is an error, not a guess. */
export function parseXml(xml: string) {
  return new DOMParser({
    normalizeLineEndings: xml10LineEnds,
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`not well-formed XML: ${message}`)
    },
  }).parseFromString(xml, 'text/xml')
}

/**
 * Evaluates an XPath 1.0 expression that yields a string, number or boolean (`string(…)`,
 * `count(…)`, `namespace-uri(…)`), as its string; match elements with `el()` to sidestep namespaces.
 */
export function xpath(xml: string, expression: string): string {
  const value = select(expression, parseXml(xml) as unknown as Node)
  if (Array.isArray(value)) throw new Error(`XPath ${expression} selects nodes: wrap it in string(), count() or use xpathAll`)
  return String(value)
}

export const el = (name: string) => `*[local-name()='${name}']`

/** The string value of every node an XPath selects, in document order. */
export function xpathAll(xml: string, expression: string): string[] {
  const nodes = select(expression, parseXml(xml) as unknown as Node)
  if (!Array.isArray(nodes)) throw new Error(`XPath ${expression} does not select nodes`)
  return nodes.map((node) => String(select('string(.)', node)))
}

export const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/
export const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/
