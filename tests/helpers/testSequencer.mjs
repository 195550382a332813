import Sequencer from '@jest/test-sequencer'

/** Slowest tier first: an end-to-end file takes a minute or more, a unit file milliseconds. */
const TIER_WEIGHT = { e2e: 3, int: 2, bench: 2, unit: 1 }
/** @param {{ path: string }} test */
const tierOf = (test) => TIER_WEIGHT[/[/\\]tests[/\\](\w+)[/\\]/.exec(test.path)?.[1]] ?? 0

/**
 * Jest runs the slowest files first when it has the last run's timings. On a fresh clone (CI)
 * it has none and orders by file size, which can start a four-minute browser file after a
 * hundred quick ones and leave one worker running it alone at the end. Without timings, files
 * go by tier, and by size within a tier (`.ci/run` on a fresh clone: 24.0 minutes, then 22.4).
 */
export default class TierFirstSequencer extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests)
    if (ordered.every((test) => test.duration != null)) return ordered
    return [...ordered].sort((a, b) => tierOf(b) - tierOf(a))
  }
}
