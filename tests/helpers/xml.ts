import { spawnSync } from 'node:child_process'
import path from 'node:path'

export const SITEMAP_XSD = path.resolve(process.cwd(), '../shared/standards/sitemap.xsd')
export const SITEMAP_INDEX_XSD = path.resolve(process.cwd(), '../shared/standards/siteindex.xsd')

/** xmllint is the arbiter of well-formedness and schema validity here; CI installs libxml2-utils. */
export function xmllint(args: string[], input: string) {
  const result = spawnSync('xmllint', args, { input, encoding: 'utf8' })
  if (result.error) {
    throw new Error(`xmllint could not run (${result.error.message}); install libxml2-utils (apt-get install libxml2-utils)`)
  }
  return result
}

export function expectWellFormed(xml: string) {
  const { status, stderr } = xmllint(['--noout', '-'], xml)
  expect(stderr).toBe('')
  expect(status).toBe(0)
}

export function expectValidAgainst(xml: string, schema: string) {
  const { status, stderr } = xmllint(['--noout', '--schema', schema, '-'], xml)
  expect(stderr.trim()).toBe('- validates')
  expect(status).toBe(0)
}

/** Evaluates an XPath expression; match elements with `el()` to sidestep namespaces. */
export function xpath(xml: string, expression: string): string {
  const { status, stdout, stderr } = xmllint(['--xpath', expression, '-'], xml)
  if (status !== 0) throw new Error(`XPath ${expression} failed: ${stderr}`)
  return stdout.replace(/\n$/, '')
}

export const el = (name: string) => `*[local-name()='${name}']`

/** Every value an XPath node set selects, in document order. */
export function xpathAll(xml: string, expression: string): string[] {
  const count = Number(xpath(xml, `count(${expression})`))
  return Array.from({ length: count }, (_, i) => xpath(xml, `string((${expression})[${i + 1}])`))
}

export const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/
export const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/
