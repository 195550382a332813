import { afterEach, describe, expect, it } from '@jest/globals'

import { missingPackages, provideTestTools, TIER_TOOLS, TOOLS } from '../../../scripts/testTools.mjs'

/** The real tool table with chosen tools reported absent. */
const withAbsent = (...absent: string[]) => Object.fromEntries(Object.entries(TOOLS).map(([key, tool]) => [key, { ...tool, present: () => !absent.includes(key) }]))

describe('the system tools npm test provides', () => {
  const installSetting = process.env.NEWSROOM_TEST_INSTALL
  afterEach(() => {
    if (installSetting === undefined) delete process.env.NEWSROOM_TEST_INSTALL
    else process.env.NEWSROOM_TEST_INSTALL = installSetting
  })

  it('asks only for the Debian packages of the tiers being run', () => {
    const tools = withAbsent('chromium', 'nginx', 'varnish')
    expect(missingPackages(['unit', 'int'], tools)).toEqual([])
    expect(missingPackages(['unit', 'e2e'], tools)).toEqual(['chromium', 'varnish'])
    expect(missingPackages(['bench'], tools)).toEqual(['varnish', 'nginx-light'])
  })

  it('needs nothing more when every tool is there', () => {
    expect(missingPackages(['unit', 'int', 'e2e', 'bench'], withAbsent())).toEqual([])
  })

  it('names a Debian package for every tool a tier drives', () => {
    for (const keys of Object.values(TIER_TOOLS)) for (const key of keys) expect(TOOLS[key].debianPackage).toMatch(/^[a-z0-9.+-]+$/)
  })

  it('stops with the exact command to run when it may not install', () => {
    process.env.NEWSROOM_TEST_INSTALL = 'off'
    const said: string[] = []
    expect(provideTestTools(['e2e'], (line) => said.push(line), withAbsent('varnish', 'xkey'))).toBe(false)
    expect(said).toEqual(['测试缺少系统软件包：varnish、varnish-modules。请先运行：sudo apt-get update && sudo apt-get install -y varnish varnish-modules'])
  })

  it('goes on at once when nothing is missing, installing nothing', () => {
    process.env.NEWSROOM_TEST_INSTALL = 'off'
    const said: string[] = []
    expect(provideTestTools(['e2e', 'bench'], (line) => said.push(line), withAbsent())).toBe(true)
    expect(said).toEqual([])
  })
})
