import type { FreshnessFigures } from './freshness'
import { FRESHNESS_TARGET_S } from './freshness'
import { EVENT_LOOP_TARGET_MS } from './eventLoop'
import type { KindFigures, StatusClass } from './tally'
import type { Verification } from './verify'

/** What other tools read from bench/results/soak-latest.json: exactly these keys (issue 20). */
export type SoakSummary = {
  throughputRatio: number | null
  readerP95Ms: { article: number | null; home: number | null; column: number | null }
  autosaveP95Ms: number | null
  eventLoopP99Ms: number | null
  worstFreshnessSeconds: number | null
  errors: number
  lostSaves: number
  peakRssMb: number
  pageCacheHitRatio: number | null
}

export type Target = { name: string; target: string; value: string; held: boolean | null; integrity: boolean }

/** Failures that are errors of the server or the path to it; a 4xx is the soak's own mistake, counted apart. */
const ERROR_CLASSES: StatusClass[] = ['5xx', 'reset', 'timeout', 'network']

export function countOf(requests: Record<string, KindFigures>, prefix: string, statusClass: StatusClass): number {
  return Object.entries(requests).reduce((sum, [kind, figures]) => sum + (kind.startsWith(prefix) ? figures.statuses[statusClass] : 0), 0)
}

/** Page-cache hits among reader requests the cache tier or Next.js marked (search and API answers carry no mark). */
export function pageCacheHitRatio(requests: Record<string, KindFigures>): number | null {
  let hits = 0
  let marked = 0
  for (const [kind, figures] of Object.entries(requests)) {
    if (!kind.startsWith('reader ')) continue
    for (const [status, count] of Object.entries(figures.cache)) {
      marked += count
      if (status === 'HIT') hits += count
    }
  }
  return marked ? Math.round((hits / marked) * 1000) / 1000 : null
}

export function soakSummary(input: { requests: Record<string, KindFigures>; throughputRatio: number | null; eventLoopP99Ms: number | null; freshness: FreshnessFigures; freshnessLimitS: number; verification: Verification; peakRssMb: number }): SoakSummary {
  const { requests, verification: v, freshness } = input
  const p95 = (kind: string) => requests[kind]?.p95 ?? null
  return {
    throughputRatio: input.throughputRatio,
    readerP95Ms: { article: p95('reader article'), home: p95('reader home'), column: p95('reader column') },
    autosaveP95Ms: p95('editor autosave'),
    eventLoopP99Ms: input.eventLoopP99Ms,
    worstFreshnessSeconds: freshness.pagesChecked === 0 ? null : freshness.neverFresh ? input.freshnessLimitS : freshness.worstSeconds,
    errors: ERROR_CLASSES.reduce((sum, statusClass) => sum + countOf(requests, '', statusClass), 0),
    lostSaves: Math.max(v.lostSaves + v.corruptedSaves, v.savesAcknowledged - v.savesVerified),
    peakRssMb: input.peakRssMb,
    pageCacheHitRatio: pageCacheHitRatio(requests),
  }
}

const shown = (value: number | null, unit = '') => (value == null ? '—' : `${value}${unit}`)
const under = (value: number | null, limit: number) => (value == null ? null : value < limit)

/**
 * Each target of issue 20 with the figure measured and whether it held. Integrity targets
 * (errors, lost saves, publishing twice, memory flat…) decide the exit code; speed figures are
 * printed, never asserted, as the machine may be shared.
 */
export function soakTargets(summary: SoakSummary, extra: { memoryFlat: boolean; draftCacheChanges: number; draftCacheSamples: number; publishedTwice: number; atOrigin: boolean }): Target[] {
  const { readerP95Ms: reader } = summary
  const originNote = extra.atOrigin ? '' : '（目标针对源站，本次经缓存层）'
  return [
    { name: '吞吐稳定（末分钟 / 第二分钟）', target: '≥ 0.9', value: shown(summary.throughputRatio), held: summary.throughputRatio == null ? null : summary.throughputRatio >= 0.9, integrity: false },
    { name: `读者 p95：稿件页${originNote}`, target: '< 150 ms', value: shown(reader.article, ' ms'), held: under(reader.article, 150), integrity: false },
    { name: `读者 p95：首页${originNote}`, target: '< 150 ms', value: shown(reader.home, ' ms'), held: under(reader.home, 150), integrity: false },
    { name: `读者 p95：专栏页${originNote}`, target: '< 150 ms', value: shown(reader.column, ' ms'), held: under(reader.column, 150), integrity: false },
    { name: '自动保存 p95', target: '< 300 ms', value: shown(summary.autosaveP95Ms, ' ms'), held: under(summary.autosaveP95Ms, 300), integrity: false },
    { name: '事件循环延迟 p99（含导入、重建索引）', target: `< ${EVENT_LOOP_TARGET_MS} ms`, value: shown(summary.eventLoopP99Ms, ' ms'), held: under(summary.eventLoopP99Ms, EVENT_LOOP_TARGET_MS), integrity: false },
    { name: '公开修改最迟见于页面', target: `≤ ${FRESHNESS_TARGET_S} s`, value: shown(summary.worstFreshnessSeconds, ' s'), held: summary.worstFreshnessSeconds == null ? null : summary.worstFreshnessSeconds <= FRESHNESS_TARGET_S, integrity: false },
    { name: '草稿保存、自动保存改动公开缓存', target: '0 次', value: `${extra.draftCacheChanges} 次（共抽查 ${extra.draftCacheSamples} 次）`, held: extra.draftCacheSamples ? extra.draftCacheChanges === 0 : null, integrity: false },
    { name: '峰值内存 RSS', target: '< 600 MB', value: `${summary.peakRssMb} MB`, held: summary.peakRssMb < 600, integrity: false },
    { name: '页面缓存命中率', target: '（只记录）', value: shown(summary.pageCacheHitRatio), held: null, integrity: false },
    { name: '错误（5xx、连接重置、超时、网络）', target: '0', value: String(summary.errors), held: summary.errors === 0, integrity: true },
    { name: '丢失或损坏的已确认保存', target: '0', value: String(summary.lostSaves), held: summary.lostSaves === 0, integrity: true },
    { name: '重复发布', target: '0', value: String(extra.publishedTwice), held: extra.publishedTwice === 0, integrity: true },
    { name: '内存平稳', target: '末四分之一中位数增长在容许内', value: extra.memoryFlat ? '平稳' : '增长', held: extra.memoryFlat, integrity: true },
  ]
}
