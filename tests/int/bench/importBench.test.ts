import { runImportBench } from '../../../bench/importing'
import { startTestPayload, type TestPayload } from '../../helpers/payload'

let ctx: TestPayload

beforeAll(async () => {
  ctx = await startTestPayload()
})

afterAll(async () => {
  await ctx?.cleanup()
})

// The smoke version of `npm run bench -- --only import`: it checks what is measured, never how fast.
describe('the import benchmark', () => {
  it('reports a parse rate on page-sized text and the time to import both seed pages', async () => {
    const result = await runImportBench(ctx.payload, { seconds: 0.2 })
    expect(result.parse.pages).toBeGreaterThan(0)
    expect(result.parse.pageChars).toBeGreaterThan(5_000)
    expect(result.importSeedPages.articles).toBe(10)
    expect(result.importSeedPages.milliseconds).toBeGreaterThan(0)
  })
})
