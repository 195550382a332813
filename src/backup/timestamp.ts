import fs from 'node:fs'

import { toShanghaiIso } from '@/newsroom/dates'

/** `20261123-153000`: Beijing wall-clock time, since that is the time the newsroom reads on its clocks. */
export function shanghaiTimestamp(at: Date): string {
  const iso = toShanghaiIso(at)
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`
}

/** `2026-11-23 15:30:00` in Beijing time, for messages. */
export function shanghaiDisplayTime(at: Date | string): string {
  return toShanghaiIso(at).slice(0, 19).replace('T', ' ')
}

/**
 * The first of `base`, `base-2`, `base-3`… that is free, also for every suffix given:
 * two runs within the same second must never share (or overwrite) a directory or file.
 */
export function unusedPath(base: string, suffixes: readonly string[] = ['']): string {
  for (let attempt = 1; ; attempt++) {
    const candidate = attempt === 1 ? base : `${base}-${attempt}`
    if (suffixes.every((suffix) => !fs.existsSync(candidate + suffix))) return candidate
  }
}
