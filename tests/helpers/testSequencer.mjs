import Sequencer from '@jest/test-sequencer'

/** Slowest tier first: an end-to-end file takes a minute or more, a unit file milliseconds. */
const TIER_WEIGHT = { e2e: 3, int: 2, bench: 2, unit: 1 }
/** @param {{ path: string }} test */
const tierOf = (test) => TIER_WEIGHT[/[/\\]tests[/\\](\w+)[/\\]/.exec(test.path)?.[1]] ?? 0

/**
 * Jest runs the slowest files first when it has the last run's timings. On a fresh clone (CI)
 * it has none and orders by file size, which started a four-minute browser file after a
 * hundred quick ones: one worker ran it alone at the end (24 minutes against 19). Without
 * timings, files go by tier, and by size within a tier.
 */
export default class TierFirstSequencer extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests)
    if (ordered.every((test) => test.duration != null)) return ordered
    return [...ordered].sort((a, b) => tierOf(b) - tierOf(a))
  }
}
