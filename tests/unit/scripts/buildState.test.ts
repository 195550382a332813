import { describe, expect, it } from '@jest/globals'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { buildIsStale, markBuildStart } from '../../../scripts/buildState.mjs'

function project() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'build-state-'))
  fs.mkdirSync(path.join(root, 'src'))
  fs.mkdirSync(path.join(root, '.next'))
  fs.writeFileSync(path.join(root, 'src', 'page.ts'), 'export {}')
  return root
}
const at = (file: string, time: number) => fs.utimesSync(file, new Date(time), new Date(time))

describe('whether the production build is stale', () => {
  it('counts a source saved while the build ran as newer than the build, though it is older than BUILD_ID', () => {
    const root = project()
    const now = Date.now()
    at(path.join(root, 'src', 'page.ts'), now - 60_000)
    const built = markBuildStart(root)
    at(path.join(root, 'src', 'page.ts'), Date.now() + 1_000)
    fs.writeFileSync(path.join(root, '.next', 'BUILD_ID'), 'build')
    at(path.join(root, '.next', 'BUILD_ID'), Date.now() + 5_000)
    built()
    expect(buildIsStale(root)).toBe(true)
  })

  it('keeps a build whose sources have not changed since it began', () => {
    const root = project()
    at(path.join(root, 'src', 'page.ts'), Date.now() - 60_000)
    const built = markBuildStart(root)
    fs.writeFileSync(path.join(root, '.next', 'BUILD_ID'), 'build')
    built()
    expect(buildIsStale(root)).toBe(false)
  })

  it('has no build to keep without a BUILD_ID', () => {
    expect(buildIsStale(project())).toBe(true)
  })
})
