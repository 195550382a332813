import { CACHE_TAGS } from '@/publishing/cacheTags'
import { READER_ROUTE_KEYS } from '@/publishing/httpCaching'

describe('READER_ROUTE_KEYS', () => {
  it('gives every HTML page the key of the footer’s 网站设置, so a cache tier drops them all when it changes', () => {
    const pages = READER_ROUTE_KEYS.filter((route) => !route.routeHandler)
    expect(pages.length).toBeGreaterThan(5)
    expect(pages.filter((route) => !route.keys.includes(CACHE_TAGS.siteSettings)).map((route) => route.source)).toEqual([])
  })

  it('leaves that key off feeds, ninjs and sitemaps, which have no footer', () => {
    const handlers = READER_ROUTE_KEYS.filter((route) => route.routeHandler)
    expect(handlers.filter((route) => route.keys.includes(CACHE_TAGS.siteSettings)).map((route) => route.source)).toEqual([])
  })
})
