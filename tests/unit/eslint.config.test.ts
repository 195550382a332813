import { describe, expect, it } from '@jest/globals'
import { ESLint } from 'eslint'

/**
 * The layer fences of eslint.config.mjs, proved on imports written into each fenced folder:
 * ESLint applies the config by path, so the files need not exist.
 */
const eslint = new ESLint({ cwd: process.cwd() })

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message)
}

const importing = (specifier: string) => `import { x } from '${specifier}'\nexport const y = x\n`

describe('eslint.config.mjs layer fences', () => {
  const appImport = (from: string) => [from, importing('../../app/(reader)/layout')] as const

  it.each([
    'src/newsroom/names.ts',
    'src/publishing/cacheTags.ts',
    'src/search/query.ts',
    'src/security/apiLimits.ts',
    'src/cluster/peers.ts',
    'src/reader/data/articles.ts',
    'collections/Articles/index.ts',
    'src/workflow/scheduler.ts',
  ])('keeps app/ out of %s, whatever else its folder forbids', async (file) => {
    const [filePath, code] = appImport(file)
    expect(await restrictedImports(filePath, code)).toEqual([expect.stringContaining('never import app/')])
  })

  it.each([
    ['src/search/document.ts', '../reader/presentation'],
    ['src/publishing/cacheTags.ts', '@/reader/data/queries'],
    ['src/security/securityHeaders.ts', '../reader/data/articles'],
    ['src/cluster/peers.ts', '../reader/data/articles'],
    ['collections/shared/hooks/invalidateReaderCache.ts', '../../../src/reader/data/queries'],
  ])('keeps the reader site out of %s (importing %s)', async (filePath, specifier) => {
    expect(await restrictedImports(filePath, importing(specifier))).toEqual([expect.stringContaining('never imports the reader site')])
  })

  it.each([
    ['src/publishing/cacheTags.ts', '../search/query'],
    ['src/publishing/cacheTags.ts', '../../collections/Articles'],
  ])('keeps the layers above out of the publishing contract (%s importing %s)', async (filePath, specifier) => {
    expect(await restrictedImports(filePath, importing(specifier))).toEqual([expect.stringContaining('src/publishing is the contract')])
  })

  it('keeps Payload, Next.js and React out of the plain domain code in src/newsroom', async () => {
    expect(await restrictedImports('src/newsroom/names.ts', importing('payload'))).toEqual([expect.stringContaining('plain TypeScript')])
    expect(await restrictedImports('src/newsroom/names.ts', importing('next/cache'))).toEqual([expect.stringContaining('plain TypeScript')])
  })

  it('keeps admin code and collection configs out of the reader site', async () => {
    expect(await restrictedImports('src/reader/data/articles.ts', importing('../../admin/components/SearchView'))).toEqual([expect.stringContaining('never imports admin code')])
    expect(await restrictedImports('app/(reader)/articles/[slug]/page.tsx', importing('../../../../collections/Articles'))).toEqual([expect.stringContaining('never imports admin code')])
  })

  it('lets each layer import the layers beneath it', async () => {
    expect(await restrictedImports('src/reader/data/articles.ts', importing('../../publishing/cacheTags'))).toEqual([])
    expect(await restrictedImports('collections/Articles/hooks/expireArticlePages.ts', importing('@/publishing/cacheTags'))).toEqual([])
    expect(await restrictedImports('src/search/document.ts', importing('@/newsroom/presentation'))).toEqual([])
    expect(await restrictedImports('src/admin/components/SearchView.tsx', importing('../../reader/components/Pagination'))).toEqual([])
  })
})
