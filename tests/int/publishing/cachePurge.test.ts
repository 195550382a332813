import type { Payload } from 'payload'

import type { Article } from '@payload-types'
import { toShanghaiDate } from '@/newsroom/dates'
import { CACHE_TAGS } from '@/publishing/cacheTags'
import { processPurger } from '@/publishing/cachePurge'
import type { Staff } from '../../helpers/newsroomUsers'
import { useTestPayload } from '../../helpers/payload'
import { useRecordingPurgeEndpoint } from '../../helpers/purgeEndpoint'
import { publishChange, publishThroughChain } from '../../helpers/workflow'

// The hooks purge the cache tier named by CACHE_PURGE_URL: here a recording endpoint.
const purgeEndpoint = useRecordingPurgeEndpoint()
let payload: Payload
let staff: Staff
useTestPayload({ staff: true }, (booted) => ({ payload, staff } = booted))

const asEditor = () => ({ user: { ...staff.editor, collection: 'users' as const } })
const settled = () => processPurger(payload.logger)!.settled()
const purgedKeys = () => purgeEndpoint().requests.flatMap((request) => request.keys)

async function publishedArticle(title: string, slug: string): Promise<Article> {
  const article = await payload.create({ collection: 'articles', data: { title, slug } as never, draft: true, ...asEditor() })
  await publishThroughChain(payload, staff, article.id)
  return article
}

beforeEach(async () => {
  await settled()
  purgeEndpoint().requests.length = 0
})

describe('purging the cache tier', () => {
  it('purges the article and the site-wide lists with one PURGE when an article is published', async () => {
    await publishedArticle('清除缓存', 'purge-published')
    await settled()
    expect(purgeEndpoint().requests.every((request) => request.method === 'PURGE')).toBe(true)
    expect(new Set(purgedKeys())).toEqual(new Set([CACHE_TAGS.home, CACHE_TAGS.feeds, CACHE_TAGS.sitemap, CACHE_TAGS.search, CACHE_TAGS.article('purge-published'), CACHE_TAGS.day(toShanghaiDate(new Date()))]))
    expect(purgeEndpoint().requests[0].headers['surrogate-key']?.toString().split(' ').sort()).toEqual([...purgedKeys()].sort())
  })

  it("drops the article's own page outright and marks the lists showing it stale", async () => {
    await publishedArticle('软清除', 'purge-soft')
    await settled()
    expect(purgeEndpoint().requests.flatMap((request) => request.outright)).toEqual([CACHE_TAGS.article('purge-soft')])
    expect(purgeEndpoint().requests[0].headers['xkey-softpurge']?.toString().split(' ')).toEqual(expect.arrayContaining([CACHE_TAGS.home, CACHE_TAGS.feeds]))
  })

  it('purges nothing for a draft or its autosaves, which readers cannot see', async () => {
    const article = await payload.create({ collection: 'articles', data: { title: '只是草稿', slug: 'purge-draft' } as never, draft: true, ...asEditor() })
    await payload.update({ collection: 'articles', id: article.id, data: { title: '只是草稿（改）' }, draft: true, autosave: true, ...asEditor() })
    await settled()
    expect(purgeEndpoint().requests).toEqual([])
  })

  it('purges the old and the new URL when a published article is edited', async () => {
    const article = await publishedArticle('改了网址', 'purge-old-url')
    await settled()
    purgeEndpoint().requests.length = 0
    await publishChange(payload, staff, article.id, { slug: 'purge-new-url' })
    await settled()
    expect(purgedKeys()).toEqual(expect.arrayContaining([CACHE_TAGS.article('purge-old-url'), CACHE_TAGS.article('purge-new-url'), CACHE_TAGS.home]))
  })

  it('purges every page showing bylines when a byline is renamed', async () => {
    const byline = await payload.create({ collection: 'bylines', data: { name: '清除记者', slug: 'purge-byline', kind: 'staff' } as never })
    await settled()
    purgeEndpoint().requests.length = 0
    await payload.update({ collection: 'bylines', id: byline.id, data: { name: '改名记者' } })
    await settled()
    expect(new Set(purgedKeys())).toEqual(new Set([CACHE_TAGS.bylines, CACHE_TAGS.sitemap, CACHE_TAGS.search]))
  })

  it('retries a purge the cache refused, and the save is not held up by it', async () => {
    purgeEndpoint().failNext(2)
    const article = await publishedArticle('重试清除', 'purge-retried')
    // Saved and returned while the purge still waits for its first retry (due 1 s after the refusal).
    expect(purgedKeys()).not.toContain(CACHE_TAGS.article('purge-retried'))
    expect(await payload.findByID({ collection: 'articles', id: article.id })).toMatchObject({ _status: 'published' })
    await settled()
    expect(purgedKeys()).toContain(CACHE_TAGS.article('purge-retried'))
  })
})
