// @ts-check
// npm test: type-check, lint, then every tier (unit, int, e2e), ending with the one line CI
// reads, `N passed, N failed`, summed over the tiers. npm run test:unit | test:int | test:e2e
// run one tier (extra arguments go to Jest, e.g. a path); npm run test:bench runs the
// benchmark's end-to-end smoke run, which npm test leaves out. Each tier gets the system tools
// it drives first (scripts/testTools.mjs).
//
// Every tier runs two files at a time, one per core: an integration file has a database of its
// own and spends most of its time in Payload starting; an end-to-end file has its own server
// on its own data directory and port, and waits on it and on Chromium more than it computes.
// One file at a time, the suite took 35 minutes of Jest; two at a time, about 16.
import { spawn } from 'node:child_process'

import { provideTestTools } from './testTools.mjs'

/** @typedef {'unit' | 'int' | 'e2e' | 'bench'} Tier */

/** @type {Record<Tier, { roots: string[]; workers: number; testMatch?: string }>} */
const TIERS = {
  unit: { roots: ['tests/unit'], workers: 2 },
  int: { roots: ['tests/int'], workers: 2 },
  e2e: { roots: ['tests/e2e'], workers: 2 },
  bench: { roots: ['tests/bench'], workers: 1, testMatch: '<rootDir>/tests/bench/**/*.test.ts' },
}
const EVERY_TIER = /** @type {Tier[]} */ (['unit', 'int', 'e2e'])

const args = process.argv.slice(2)
const named = /** @type {Tier[]} */ (args.filter((arg) => arg in TIERS))
const jestArgs = args.filter((arg) => !(arg in TIERS))
const whole = named.length === 0
const tiers = whole ? EVERY_TIER : named

const say = (/** @type {string} */ line) => process.stdout.write(`${line}\n`)
const totals = { passed: 0, failed: 0, skipped: 0 }
const SUMMARY = /^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/

/**
 * @param {string} command
 * @param {string[]} commandArgs
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<{ status: number; summary: RegExpExecArray | null }>}
 */
function run(command, commandArgs, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { stdio: ['inherit', 'pipe', 'inherit'], env })
    let summary = /** @type {RegExpExecArray | null} */ (null)
    let pending = ''
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk)
      pending += chunk.toString()
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) summary = SUMMARY.exec(line.trim()) ?? summary
    })
    child.on('close', (code) => resolve({ status: code ?? 1, summary: SUMMARY.exec(pending.trim()) ?? summary }))
  })
}

/** Groups consecutive tiers that run with the same number of workers into one Jest run. */
function jestRuns() {
  /** @type {{ tiers: Tier[]; workers: number; testMatch?: string }[]} */
  const runs = []
  for (const tier of tiers) {
    const { workers, testMatch } = TIERS[tier]
    const last = runs.at(-1)
    if (last && last.workers === workers && !testMatch && !last.testMatch) last.tiers.push(tier)
    else runs.push({ tiers: [tier], workers, testMatch })
  }
  return runs
}

async function main() {
  const startedAt = Date.now()
  if (!provideTestTools(tiers, say)) return finish(1, { passed: 0, failed: 1 })
  let status = 0
  if (whole) {
    for (const [label, command] of [['类型检查', ['npx', 'tsc', '--noEmit']], ['代码检查', ['npx', 'eslint', '--max-warnings', '0', '.']]]) {
      say(`> ${label}：${command.join(' ')}`)
      const result = await run(command[0], command.slice(1))
      if (result.status !== 0) return finish(result.status, { passed: 0, failed: 1 })
    }
  }
  const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings`.trim() }
  for (const group of jestRuns()) {
    if (group.tiers.includes('e2e')) {
      // Every end-to-end file runs `npm start`, which builds when the build is stale: built
      // once here, two files at a time never build into .next together.
      const { DATABASE_URI: _unused, ...demoEnv } = process.env
      const build = await run(process.execPath, ['scripts/start.mjs', '--build-only'], demoEnv)
      if (build.status !== 0) return finish(build.status, { ...totals, failed: totals.failed + 1 })
    }
    const paths = jestArgs.length ? jestArgs : group.tiers.flatMap((tier) => TIERS[tier].roots)
    const match = group.testMatch ? ['--testMatch', group.testMatch] : []
    say(`> ${group.tiers.join(' + ')}：jest --maxWorkers=${group.workers} ${paths.join(' ')}`)
    const result = await run('npx', ['jest', `--maxWorkers=${group.workers}`, ...match, ...paths], env)
    if (result.status !== 0) status = result.status
    if (result.summary) {
      totals.passed += Number(result.summary[1])
      totals.failed += Number(result.summary[2])
      totals.skipped += Number(result.summary[3] ?? 0)
    } else if (result.status !== 0) totals.failed += 1
  }
  say(`\n用时 ${((Date.now() - startedAt) / 60_000).toFixed(1)} 分钟（${tiers.join('、')}）`)
  return finish(status, totals)
}

/**
 * @param {number} status
 * @param {{ passed: number; failed: number; skipped?: number }} counts
 */
function finish(status, { passed, failed, skipped = 0 }) {
  say(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
  process.exitCode = status || (failed ? 1 : 0)
}

await main()
