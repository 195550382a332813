import { adjacentDay, pagedPath, pageFromSegments, readerPaths } from '@/publishing/urls'

describe('reader URLs', () => {
  it('reads a list page from its trailing segments, page 1 living at the bare path', () => {
    expect(pageFromSegments(undefined)).toBe(1)
    expect(pageFromSegments([])).toBe(1)
    expect(pageFromSegments(['page', '2'])).toBe(2)
    expect(pageFromSegments(['page', '1000'])).toBe(1000)
  })

  it('refuses segments that are not a page of the list, so they answer 404', () => {
    for (const segments of [['page', '1'], ['page', '0'], ['page', '02'], ['page', '-3'], ['page', '2.5'], ['page'], ['2'], ['page', '2', 'x'], ['page', '12345']]) {
      expect([segments, pageFromSegments(segments)]).toEqual([segments, null])
    }
  })

  it('builds the paths a pagination link points at', () => {
    expect(pagedPath('/', 1)).toBe('/')
    expect(pagedPath('/', 3)).toBe('/page/3')
    expect(pagedPath('/tags/ji-ceng-zhi-li', 2)).toBe('/tags/ji-ceng-zhi-li/page/2')
  })

  it('steps across month and year ends by Beijing calendar days', () => {
    expect(adjacentDay('2026-12-31', 1)).toBe('2027-01-01')
    expect(adjacentDay('2026-03-01', -1)).toBe('2026-02-28')
  })

  it('encodes slugs so no path can be broken out of', () => {
    expect(readerPaths.article('a/b?c')).toBe('/articles/a%2Fb%3Fc')
  })
})
