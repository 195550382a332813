import { type ArticlePair, publishArticlePair } from '../helpers/articleExtras'
import { useDemoServer } from '../helpers/demoServer'

/**
 * The article pages' JSON-LD through structured-data-testing-tool's Google preset (what Google's
 * Rich Results test checks of a NewsArticle: headline, image, author, dates, publisher and its
 * logo …), for a staff story with a byline and a photo and for a wire brief with neither.
 *
 * Needs the dev dependency `structured-data-testing-tool` (4.5.x). It is imported by name at run
 * time, so the rest of the suite type-checks and runs without it; this file fails until it is there.
 */
const TOOL = 'structured-data-testing-tool'

type Outcome = { description?: string; test: string; error?: { message?: string } }
type Result = { passed: Outcome[]; failed: Outcome[]; warnings: Outcome[] }
type Tool = { structuredDataTest: (input: string, options: Record<string, unknown>) => Promise<Result> }

const running = useDemoServer()
let pair: ArticlePair

beforeAll(async () => {
  pair = await publishArticlePair(running.server.baseUrl, 'sdtt')
}, 5 * 60 * 1000)

async function googleNewsArticleTest(slug: string): Promise<Result> {
  const { structuredDataTest } = (await import(TOOL)) as Tool
  const { Google } = (await import(`${TOOL}/presets`)) as { Google: unknown }
  const html = await (await fetch(`${running.server.baseUrl}/articles/${slug}`)).text()
  // The tool rejects when a test fails, with the full result attached.
  return structuredDataTest(html, { presets: [Google], schemas: ['NewsArticle'] }).catch((error: { type?: string; res?: Result }) => {
    if (error.type === 'VALIDATION_FAILED' && error.res) return error.res
    throw error
  })
}

const failures = (result: Result) => result.failed.map((outcome) => `${outcome.description ?? outcome.test}: ${outcome.error?.message ?? ''}`)

describe('article structured data against Google’s NewsArticle expectations', () => {
  it('passes for a staff story with a byline and a lead photo', async () => {
    const result = await googleNewsArticleTest(pair.photoStory.slug)
    expect(failures(result)).toEqual([])
    expect(result.passed.length).toBeGreaterThan(5)
  })

  it('passes for a wire brief without a byline or a photo of its own', async () => {
    const result = await googleNewsArticleTest(pair.wireBrief.slug)
    expect(failures(result)).toEqual([])
    expect(result.passed.length).toBeGreaterThan(5)
  })
})
