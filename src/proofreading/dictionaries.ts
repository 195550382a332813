import type { Severity } from './findings'
import type { TermEntry } from './rules/terms'
import typoList from './data/typos.json'
import variantTable from './data/variants.json'

/**
 * The checker's word lists, kept as data with their sources (data/README.md): known
 * miswritings (错别字) and the non-recommended forms of GF 1001-2001《第一批异形词整理表》. The
 * 禁用词/慎用词 list is administrators' (the proofreading-terms collection), seeded from
 * data/sensitiveTerms.json.
 */
type Typo = { wrong: string; right: string; exceptions?: string[]; note?: string }
type VariantGroup = { recommended: string; variants: string[]; exceptions?: string[] }

/** One term of the 禁用词/慎用词 list, as administrators keep it. */
export type SensitiveTerm = { term: string; category?: string | null; severity: Severity; suggestion?: string | null; note?: string | null; exceptions?: readonly string[] | null }

const typoEntries: TermEntry[] = (typoList.entries as Typo[]).map((typo) => ({
  needle: typo.wrong,
  category: 'typo',
  severity: 'error',
  message: `“${typo.wrong}”应为“${typo.right}”${typo.note ? `：${typo.note}` : ''}`,
  suggestion: typo.right,
  exceptions: typo.exceptions,
  onWordBoundaries: true,
}))

const variantEntries: TermEntry[] = (variantTable.entries as VariantGroup[]).flatMap((group) =>
  group.variants.map((variant) => ({
    needle: variant,
    category: 'variant' as const,
    severity: 'error' as const,
    message: `“${variant}”是异形词的非推荐词形，应作“${group.recommended}”（GF 1001-2001《第一批异形词整理表》）`,
    suggestion: group.recommended,
    exceptions: group.exceptions,
    onWordBoundaries: true,
  })),
)

export const DICTIONARY_ENTRIES: readonly TermEntry[] = [...typoEntries, ...variantEntries]

export function sensitiveEntries(terms: readonly SensitiveTerm[]): TermEntry[] {
  return terms.map((term) => ({
    needle: term.term,
    category: 'sensitive',
    severity: term.severity,
    message: `“${term.term}”是${term.severity === 'error' ? '禁用词' : '慎用词'}${term.note ? `：${term.note}` : ''}`,
    suggestion: term.suggestion ?? null,
    exceptions: term.exceptions ?? undefined,
    // Terms are matched wherever they stand (a forbidden name is forbidden inside a longer word
    // too); an entry's exceptions name the correct longer words: 天王 is no title in 天王星.
    onWordBoundaries: false,
  }))
}
