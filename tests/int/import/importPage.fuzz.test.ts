import { pageKeyOf } from '@/import/importPage'
import { parsePage } from '@/import/parsePage'
import { type InProcessClient, signedInClient } from '../../helpers/inProcessApi'
import { STAFF_PASSWORD } from '../../helpers/newsroomUsers'
import { mutate, noise, SEED_PAGES } from '../../helpers/pageMutations'
import { useTestPayload } from '../../helpers/payload'
import { seededRandom } from '../../../bench/seededRandom'

const SEED = Number(process.env.FUZZ_SEED ?? 20261123)
const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 16)

const booted = useTestPayload({ staff: true })
let editor: InProcessClient

beforeAll(async () => {
  editor = await signedInClient(booted.payload, booted.staff.editor.email, STAFF_PASSWORD)
})

// A day of its own for every round: mutated copies of one seed page share headlines, and would match each other's drafts by headline and day.
const editionOf = (round: number) => ({ date: `2025-01-${String(round + 1).padStart(2, '0')}`, pageNumber: 1, pageName: '测试版' })
const articlesOfPage = async (text: string) =>
  (await booted.payload.count({ collection: 'articles', where: { sourceKey: { like: `import:${pageKeyOf(text)}:` } }, overrideAccess: true })).totalDocs
const allArticles = async () => (await booted.payload.count({ collection: 'articles', overrideAccess: true })).totalDocs

describe('the importer over REST under mutated and random pages', () => {
  it(`answers every page without a 500 and writes each page whole or not at all (seed ${SEED}, ${ROUNDS} rounds)`, async () => {
    const next = seededRandom(SEED)
    let expectedTotal = await allArticles()
    const outcomes: Record<string, number> = {}
    for (let round = 0; round < ROUNDS; round += 1) {
      const text = round % 4 === 3 ? noise(next) : mutate(SEED_PAGES[round % 2], next)
      const { status, json } = await editor.rest('/api/import', { method: 'POST', body: { files: [{ name: `fuzz-${round}.txt`, content: Buffer.from(text).toString('base64'), edition: editionOf(round) }] } })
      const context = `round ${round} (FUZZ_SEED=${SEED})`
      const stored = await articlesOfPage(text)
      // A text that is not a page is refused as bad input, in Chinese, before anything is written.
      if (status === 400) {
        expect({ context, stored, message: json.errors[0].message }).toEqual({ context, stored: 0, message: expect.stringMatching(/\p{Script=Han}/u) })
        outcomes.badInput = (outcomes.badInput ?? 0) + 1
        expect(await allArticles()).toBe(expectedTotal)
        continue
      }
      expect({ context, status }).toEqual({ context, status: 200 })
      const [result] = json.files
      expect(['created', 'alreadyImported', 'refused']).toContain(result.status)
      outcomes[result.status] = (outcomes[result.status] ?? 0) + 1
      if (result.status === 'created') {
        expect({ context, stored }).toEqual({ context, stored: parsePage(text).articles.length })
        expect(result.articles).toHaveLength(stored)
        expectedTotal += stored
      } else if (result.status === 'refused') {
        expect({ context, stored }).toEqual({ context, stored: 0 })
        expect(result.problem).toMatch(/\p{Script=Han}/u)
      }
      expect(await allArticles()).toBe(expectedTotal)
    }
    console.log(`import fuzz outcomes: ${JSON.stringify(outcomes)}`)
    expect(outcomes.created).toBeGreaterThan(0)
  }, 5 * 60 * 1000)
})
