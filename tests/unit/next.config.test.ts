import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from '@jest/globals'

/**
 * Next.js loads next.config.ts through its own transpiler, which does not resolve the path
 * aliases of tsconfig.json: an `@/…` import anywhere in the config's import graph fails the
 * build ("Cannot find module './src/…'") before anything is compiled. The graph is read here
 * the way that transpiler follows it, from the import specifiers.
 */
const SPECIFIER = /(?:from|import)\s*['"]([^'"]+)['"]/g

function resolveLocal(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null
  const base = path.resolve(path.dirname(from), specifier)
  return ['', '.ts', '.tsx', '.mjs', '/index.ts'].map((extension) => base + extension).find((file) => fs.existsSync(file) && fs.statSync(file).isFile()) ?? null
}

function configImportGraph(): { file: string; specifier: string }[] {
  const imports: { file: string; specifier: string }[] = []
  const seen = new Set<string>()
  const pending = [path.resolve('next.config.ts')]
  while (pending.length) {
    const file = pending.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    for (const [, specifier] of fs.readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      imports.push({ file: path.relative(process.cwd(), file), specifier })
      const next = resolveLocal(file, specifier)
      if (next) pending.push(next)
    }
  }
  return imports
}

describe('next.config.ts', () => {
  it('reaches its own modules through relative imports only, which Next.js’s config loader resolves', () => {
    const graph = configImportGraph()
    expect(graph.some(({ file }) => file.startsWith('src/'))).toBe(true)
    expect(graph.filter(({ specifier }) => /^@(\/|collections\/|payload-types$|payload-config$)/.test(specifier))).toEqual([])
  })
})
