import { runImportBench } from '../../../bench/importing'
import { useTestPayload } from '../../helpers/payload'

const db = useTestPayload()

// The smoke version of `npm run bench -- --only import`: it checks what is measured, never how fast.
describe('the import benchmark', () => {
  it('reports a parse rate on page-sized text and the time to import both seed pages', async () => {
    const result = await runImportBench(db.payload, { seconds: 0.2 })
    expect(result.parse.pages).toBeGreaterThan(0)
    expect(result.parse.pageChars).toBeGreaterThan(5_000)
    expect(result.importSeedPages.articles).toBe(10)
    expect(result.importSeedPages.milliseconds).toBeGreaterThan(0)
  })
})
