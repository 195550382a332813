import type { Payload } from 'payload'

import sensitiveTermList from '../data/sensitiveTerms.json'
import type { SensitiveTerm } from '../dictionaries'

const SEEDED_KEY = 'proofreading-terms:seeded'
type SeedTerm = SensitiveTerm & { source?: string }

/**
 * Fills the 禁用词/慎用词 list once per database, new or upgraded, from the published rules in
 * data/sensitiveTerms.json. A flag in Payload's key-value store records that it was done, so a
 * term an administrator deletes stays deleted after a restart.
 */
export async function seedProofreadingTerms(payload: Payload): Promise<void> {
  if (await payload.kv.get(SEEDED_KEY).catch(() => null)) return
  const sources = new Map((sensitiveTermList.sources as { id: string; title: string }[]).map((source) => [source.id, source.title]))
  const { docs } = await payload.find({ collection: 'proofreading-terms', pagination: false, depth: 0, select: { term: true } })
  const present = new Set(docs.map((doc) => doc.term))
  for (const entry of sensitiveTermList.entries as SeedTerm[]) {
    if (present.has(entry.term)) continue
    await payload.create({
      collection: 'proofreading-terms',
      data: { term: entry.term, exceptions: entry.exceptions ? [...entry.exceptions] : [], severity: entry.severity, suggestion: entry.suggestion ?? null, category: entry.category ?? null, note: entry.note ?? null, source: (entry.source && sources.get(entry.source)) ?? entry.source ?? null },
    })
  }
  await payload.kv.set(SEEDED_KEY, { at: new Date().toISOString() })
}
