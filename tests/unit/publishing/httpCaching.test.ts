import { CACHE_TAGS } from '@/publishing/cacheTags'
import { READER_ROUTE_KEYS } from '@/publishing/httpCaching'

describe('READER_ROUTE_KEYS', () => {
  it.each([CACHE_TAGS.siteSettings, CACHE_TAGS.dateLine])('gives every HTML page the key %s, so a cache tier drops them all when the footer or the day changes', (key) => {
    const pages = READER_ROUTE_KEYS.filter((route) => !route.routeHandler)
    expect(pages.length).toBeGreaterThan(5)
    expect(pages.filter((route) => !route.keys.includes(key)).map((route) => route.source)).toEqual([])
  })

  it.each([CACHE_TAGS.siteSettings, CACHE_TAGS.dateLine])('leaves %s off feeds, ninjs and sitemaps, which have no masthead or footer', (key) => {
    const handlers = READER_ROUTE_KEYS.filter((route) => route.routeHandler)
    expect(handlers.filter((route) => route.keys.includes(key)).map((route) => route.source)).toEqual([])
  })
})
