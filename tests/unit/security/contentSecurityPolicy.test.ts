import { createHash } from 'node:crypto'

import {
  ADMIN_POLICY,
  createNonce,
  DATA_POLICY,
  inlineScriptHashes,
  inlineStyleHashes,
  readerPagePolicy,
  readerPagePolicyForHtml,
  readerPagePolicyWithNonce,
} from '@/security/contentSecurityPolicy.mjs'

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`

/** A policy as a map from directive name to its sources. */
function directivesOf(policy: string): Record<string, string[]> {
  return Object.fromEntries(policy.split(';').map((directive) => directive.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]))
}

const FLIGHT_SCRIPT = '(self.__next_f=self.__next_f||[]).push([0])'
const PAGE = `<!DOCTYPE html><html><head><script src="/_next/static/chunks/main.js" async=""></script></head><body>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"\\u003c/script>"}</script>
<script>${FLIGHT_SCRIPT}</script><script>self.__next_f.push([1,"正文"])</script>
<SCRIPT nonce="abc" data-note="a > b">${FLIGHT_SCRIPT}</SCRIPT ></body></html>`

describe('inline script hashes', () => {
  it('hash the exact text of every inline script, in page order, once each', () => {
    expect(inlineScriptHashes(PAGE)).toEqual([sha256(FLIGHT_SCRIPT), sha256('self.__next_f.push([1,"正文"])')])
  })

  it('leave out external scripts and JSON data blocks, which CSP does not govern', () => {
    expect(inlineScriptHashes('<script src="/a.js"></script><script type="application/ld+json">{}</script><script type=\'application/json\'>[]</script>')).toEqual([])
  })

  it('keep scripts of any other type: a module or an unknown type costs a few bytes, a missed one breaks the page', () => {
    expect(inlineScriptHashes('<script type="module">m()</script><script type=text/javascript>c()</script>')).toEqual([sha256('m()'), sha256('c()')])
  })

  it('hash what the browser hashes: line breaks normalised to LF', () => {
    expect(inlineScriptHashes('<script>a()\r\nb()\rc()</script>')).toEqual([sha256('a()\nb()\nc()')])
  })

  it('end a script at the first closing tag, as the HTML parser does', () => {
    expect(inlineScriptHashes('<script>a("</scriptx>")</script/><script>b()</script>')).toEqual([sha256('a("</scriptx>")'), sha256('b()')])
  })

  it('find none in a page without scripts', () => {
    expect(inlineScriptHashes('<p>纯文本</p>')).toEqual([])
  })
})

describe('inline style hashes', () => {
  it('find none in reader markup, which styles itself from the stylesheet only', () => {
    expect(inlineStyleHashes(PAGE)).toEqual([])
  })

  it('hash `<style>` elements and, behind \'unsafe-hashes\', each style attribute as the browser decodes it', () => {
    const errorPage = '<style>body{margin:0}</style><div style="font-family:&quot;Segoe UI&quot;,sans-serif"><h1 class="x" style=\'margin:0\'>404</h1></div>'
    expect(inlineStyleHashes(errorPage)).toEqual([sha256('body{margin:0}'), "'unsafe-hashes'", sha256('font-family:"Segoe UI",sans-serif'), sha256('margin:0')])
  })

  it('ignore what only looks like a style attribute inside a script', () => {
    expect(inlineStyleHashes('<script>document.write("<b style=\'x\'>")</script><p data-style="y">z</p>')).toEqual([])
  })
})

describe('the reader page policy', () => {
  const directives = directivesOf(readerPagePolicyForHtml(PAGE))

  it('runs the site’s own scripts and the page’s own inline scripts, nothing else', () => {
    expect(directives['script-src']).toEqual(["'self'", sha256(FLIGHT_SCRIPT), sha256('self.__next_f.push([1,"正文"])')])
    expect(directives['script-src']).not.toContain("'unsafe-inline'")
    expect(directives['script-src']).not.toContain("'unsafe-eval'")
  })

  it('loads everything from the site itself, allows no plugins, and is framed by the site only (live preview)', () => {
    expect(directives).toMatchObject({
      'default-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'"],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'self'"],
    })
  })

  it('allows the inline styles a page has, and none when it has none', () => {
    expect(directivesOf(readerPagePolicyForHtml('<p style="color:red">!</p>'))['style-src']).toEqual(["'self'", "'unsafe-hashes'", sha256('color:red')])
  })

  it('allows a rendered page’s nonce instead of hashes', () => {
    expect(directivesOf(readerPagePolicyWithNonce('bm9uY2U='))['script-src']).toEqual(["'self'", "'nonce-bm9uY2U='"])
  })

  it('differs only in script-src between hashed and nonced pages', () => {
    const { 'script-src': _hashed, ...hashedRest } = directivesOf(readerPagePolicy({ scripts: ["'sha256-x'"] }))
    const { 'script-src': _nonced, ...noncedRest } = directivesOf(readerPagePolicyWithNonce('y'))
    expect(hashedRest).toEqual(noncedRest)
  })

  it('is one header line: directives separated by semicolons, no newline', () => {
    expect(readerPagePolicyForHtml(PAGE)).not.toMatch(/[\r\n]/)
    expect(readerPagePolicyForHtml(PAGE).startsWith("default-src 'self'; script-src 'self' 'sha256-")).toBe(true)
  })
})

describe('nonces', () => {
  it('are 128 random bits in base64, as Next.js expects them', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce))
    expect(nonces.size).toBe(100)
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
  })
})

describe('the admin and data policies', () => {
  it('keep other sites from framing the admin without restricting its scripts', () => {
    const directives = directivesOf(ADMIN_POLICY)
    expect(directives['frame-ancestors']).toEqual(["'self'"])
    expect(directives['object-src']).toEqual(["'none'"])
    expect(directives).not.toHaveProperty('script-src')
    expect(directives).not.toHaveProperty('default-src')
  })

  it('let feeds, sitemaps and API responses load and run nothing', () => {
    expect(directivesOf(DATA_POLICY)).toEqual({ 'default-src': ["'none'"], 'frame-ancestors': ["'self'"] })
  })
})
