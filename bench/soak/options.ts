import path from 'node:path'

import type { Popularity } from './readers'

export type SoakOptions = { seconds: number; warmup: number; readers: number; editors: number; size: number; rate: number; instances: number; popularity: Popularity; cache: boolean; build: boolean; prepareOnly: boolean; out: string }

/** Published articles each editor works on from the start; it creates more as it goes. */
export const ARTICLES_PER_EDITOR = 6
/**
 * Under this load the server's memory climbs for about the first 50 s while V8 grows its heap
 * towards the cap (scripts/serverOptions.mjs), then holds (a 240 s run: first half +43 MB/min,
 * second half +0.5); measured from 10 s in, a minute saw that growth, not a leak.
 */
const WARMUP_SECONDS = 60
const NUMERIC: Record<'minutes' | 'seconds' | 'warmup' | 'readers' | 'editors' | 'size' | 'rate' | 'instances', [number, number]> = {
  minutes: [1, 600],
  seconds: [5, 36_000],
  warmup: [0, 600],
  readers: [1, 2_000],
  editors: [1, 50],
  size: [50, 100_000],
  rate: [1, 1_000],
  instances: [1, 2],
}
export const MAX_EDITORS = NUMERIC.editors[1]
export const USAGE = 'npm run soak -- [--minutes N | --seconds N] [--warmup S] [--readers N] [--editors N] [--size N] [--rate N] [--instances 1|2] [--popularity zipf|uniform] [--cache] [--build] [--prepare-only] [--out FILE]'

/**
 * The soak's flags. `--minutes` is the measured length (`--seconds` the finer form), after
 * `--warmup` seconds under the same load; `--rate` is the pages a second all
 * `--readers` open, arriving open-loop (readers.ts); `--size` the articles in the newsroom; `--popularity` how readers pick articles
 * (readers.ts); `--prepare-only` only prepares (and keeps)
 * the database for that size, e.g. ahead of a long run.
 */
export function parseSoakOptions(argv: string[]): SoakOptions {
  const options: SoakOptions = { seconds: 600, warmup: WARMUP_SECONDS, readers: 200, editors: 12, size: 10_000, rate: 100, instances: 1, popularity: 'zipf', cache: false, build: false, prepareOnly: false, out: path.resolve('bench', 'results', 'soak-latest.json') }
  for (let index = 0; index < argv.length; index += 1) {
    const name = argv[index].replace(/^--/, '')
    if (name === 'build' || name === 'cache') options[name] = true
    else if (name === 'prepare-only') options.prepareOnly = true
    else if (name === 'out' && argv[index + 1]) options.out = path.resolve(argv[++index])
    else if (name === 'popularity') {
      const value = argv[++index]
      if (value !== 'zipf' && value !== 'uniform') throw new Error('--popularity 只能是 zipf 或 uniform')
      options.popularity = value
    }
    else if (name in NUMERIC) {
      const [low, high] = NUMERIC[name as keyof typeof NUMERIC]
      const value = Number(argv[++index])
      if (!Number.isInteger(value) || value < low || value > high) throw new Error(`--${name} 必须是 ${low} 到 ${high} 之间的整数`)
      if (name === 'minutes') options.seconds = value * 60
      else options[name as Exclude<keyof typeof NUMERIC, 'minutes'>] = value
    } else throw new Error(`不认识的参数 ${argv[index]}（用法：${USAGE}）`)
  }
  if (options.size < options.editors * ARTICLES_PER_EDITOR) throw new Error(`--size 至少要有 ${options.editors * ARTICLES_PER_EDITOR} 篇（每位编辑 ${ARTICLES_PER_EDITOR} 篇）`)
  return options
}
