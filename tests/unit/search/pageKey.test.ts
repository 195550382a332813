import { searchPageKeyFromSegments, searchPageKeyOf, searchPageParams, searchPageSegments } from '../../../src/search/pageKey'

const keyOf = (query: string) => searchPageKeyOf(new URLSearchParams(query))
const pathOf = (query: string) => {
  const key = keyOf(query)
  return key && searchPageSegments(key).join('/')
}

describe('the cache key of a reader search page', () => {
  it('is the same for addresses that ask for the same page', () => {
    const canonical = pathOf('q=善治 天心&column=shan-zhi-tian-xin&from=2026-01-01')
    expect(canonical).not.toBeNull()
    for (const variant of [
      'column=shan-zhi-tian-xin&from=2026-01-01&q=善治 天心',
      'q=  善治　　天心 &column=shan-zhi-tian-xin&from=2026-01-01&page=1',
      'q=善治 天心&column=shan-zhi-tian-xin&from=2026-01-01&drafts=true&limit=50&to=',
    ]) {
      expect([variant, pathOf(variant)]).toEqual([variant, canonical])
    }
    expect(pathOf('q=ＡＢＣ')).toBe(pathOf('q=ABC'))
  })

  it('differs for a different query, page or filter', () => {
    const paths = ['q=善治', 'q=善治&page=2', 'q=善治&region=chenzhou', 'q=善治&byline=7', 'q=天心'].map(pathOf)
    expect(new Set(paths).size).toBe(paths.length)
  })

  it('keys the bare search form, with no query, as one page', () => {
    expect(keyOf('')).toEqual({ q: '', page: 1, refs: {} })
    expect(pathOf('q=')).toBe(pathOf(''))
  })

  it('has no key for an address the search would refuse, so it is answered per request with what is wrong', () => {
    for (const bad of ['q=善治&from=2026-02-30', `q=${'长'.repeat(101)}`, 'q=善治&page=0', 'q=善治&page=101', 'q=善治&column=a b', 'q=善治&from=2026-02-01&to=2026-01-01', 'page=2', 'column=shan-zhi-tian-xin']) {
      expect([bad, keyOf(bad)]).toEqual([bad, null])
    }
  })

  it('comes back from its path segments, which stay short enough to be file names', () => {
    const longest = `q=${'𠀀'.repeat(100)}&column=${'c'.repeat(100)}&region=${'r'.repeat(100)}&byline=${'b'.repeat(100)}&from=2026-01-01&to=2026-12-31&page=100`
    for (const query of ['q=善治 天心&page=3&region=chenzhou', '', longest]) {
      const key = keyOf(query)!
      const segments = searchPageSegments(key)
      expect(segments.every((segment) => /^[A-Za-z0-9_-]{1,120}$/.test(segment))).toBe(true)
      expect(searchPageKeyFromSegments(segments)).toEqual(key)
    }
  })

  it('refuses segments it did not write: tampered, unparseable, or not canonical', () => {
    const segments = searchPageSegments(keyOf('q=善治')!)
    expect(searchPageKeyFromSegments([`${segments[0]}x`])).toBeNull()
    expect(searchPageKeyFromSegments(['not-a-key'])).toBeNull()
    const spaced = Buffer.from(JSON.stringify(['  善治 ', 1, '', '', '', '', '']), 'utf8').toString('base64url')
    expect(searchPageKeyFromSegments([spaced])).toBeNull()
    const pageZero = Buffer.from(JSON.stringify(['善治', 0, '', '', '', '', '']), 'utf8').toString('base64url')
    expect(searchPageKeyFromSegments([pageZero])).toBeNull()
  })

  it('gives the page back the reader-facing query for its form and pagination links', () => {
    expect(searchPageParams(keyOf('page=2&q=善治&column=sztx&drafts=true')!).toString()).toBe(new URLSearchParams('q=善治&column=sztx&page=2').toString())
  })
})
