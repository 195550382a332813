import fs from 'node:fs'
import path from 'node:path'

import { articleTagsToExpire, CACHE_TAGS, REVALIDATE_SECONDS, tagsToInvalidate } from '@/publishing/cacheTags'

const placement = { columnSlugs: [], bylineSlugs: [], tagSlugs: [], regionSlugs: [] }

describe('articleTagsToExpire', () => {
  it('expires the site-wide lists and both the old and new page when an article slug changes, and no general article-list tag', () => {
    expect(articleTagsToExpire([{ ...placement, slug: 'old' }, { ...placement, slug: 'new' }]).sort()).toEqual(
      [CACHE_TAGS.home, CACHE_TAGS.feeds, CACHE_TAGS.sitemap, CACHE_TAGS.search, CACHE_TAGS.article('new'), CACHE_TAGS.article('old')].sort(),
    )
  })

  it('names the archive day and the print edition by their Beijing calendar date', () => {
    const tags = articleTagsToExpire([{ ...placement, slug: 'a', publishedAt: '2026-03-01T17:30:00.000Z', editionDate: '2026-03-01T16:00:00.000Z' }])
    expect(tags).toEqual(expect.arrayContaining([CACHE_TAGS.day('2026-03-02'), CACHE_TAGS.edition('2026-03-02')]))
  })

  it('expires the pages of the installments beside it, which show it as previous or next, and not the pages linking to those', () => {
    const tags = articleTagsToExpire([{ ...placement, slug: 'part-2', neighbourSlugs: ['part-1', 'part-3'] }])
    expect(tags).toEqual(expect.arrayContaining([CACHE_TAGS.article('part-2'), CACHE_TAGS.neighbours('part-1'), CACHE_TAGS.neighbours('part-3')]))
    expect(tags).not.toContain(CACHE_TAGS.article('part-1'))
  })

  it('expires the column, byline, tag and region pages the article is filed under', () => {
    const tags = articleTagsToExpire([{ slug: 'a', columnSlugs: ['c'], bylineSlugs: ['b'], tagSlugs: ['t'], regionSlugs: ['district', 'city'] }])
    expect(tags).toEqual(expect.arrayContaining([CACHE_TAGS.column('c'), CACHE_TAGS.byline('b'), CACHE_TAGS.tag('t'), CACHE_TAGS.region('district'), CACHE_TAGS.region('city')]))
  })
})

describe('tagsToInvalidate', () => {
  it('invalidates every page showing bylines, the sitemap and search when a byline changes, since lists print bylines', () => {
    expect(tagsToInvalidate('bylines')).toEqual([CACHE_TAGS.bylines, CACHE_TAGS.sitemap, CACHE_TAGS.search])
  })

  it('invalidates pages showing photos when a photo changes', () => {
    expect(tagsToInvalidate('photos')).toEqual([CACHE_TAGS.photos])
  })

  it('ignores collections readers never see', () => {
    expect(tagsToInvalidate('users')).toEqual([])
  })
})

describe('REVALIDATE_SECONDS', () => {
  const routeFiles = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) return routeFiles(file)
      return /^(page|route)\.tsx?$/.test(entry.name) ? [file] : []
    })

  it('is the figure every cached reader page and route declares, which Next.js only reads as a literal', () => {
    const declared = routeFiles(path.resolve('app', '(reader)')).flatMap((file) => {
      const match = /export const revalidate = ([\d_]+)/.exec(fs.readFileSync(file, 'utf8'))
      return match ? [[path.relative(process.cwd(), file), Number(match[1].replace(/_/g, ''))] as const] : []
    })
    expect(declared.length).toBeGreaterThan(10)
    expect(declared.filter(([, seconds]) => seconds !== REVALIDATE_SECONDS)).toEqual([])
  })
})
