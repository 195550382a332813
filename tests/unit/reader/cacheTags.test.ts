import { CACHE_TAGS, tagsToInvalidate } from '../../../src/reader/data/cache-tags'

describe('tagsToInvalidate', () => {
  it('invalidates the lists and both the old and new page when an article slug changes', () => {
    expect(tagsToInvalidate('articles', { slug: 'new' }, { slug: 'old' }).sort()).toEqual(
      [CACHE_TAGS.articleLists, CACHE_TAGS.article('new'), CACHE_TAGS.article('old')].sort(),
    )
  })

  it('invalidates article lists when a byline changes, since lists print bylines', () => {
    expect(tagsToInvalidate('bylines', { slug: 'zhang-fu-fang' })).toEqual([CACHE_TAGS.bylines, CACHE_TAGS.articleLists])
  })

  it('ignores collections readers never see', () => {
    expect(tagsToInvalidate('users', {})).toEqual([])
  })
})
