import { countCharacters } from '@/newsroom/characterCount'
import { DICTIONARY_ENTRIES, type SensitiveTerm, sensitiveEntries } from './dictionaries'
import type { Finding, Hit } from './findings'
import { findPhraseSlips } from './rules/fixedPhrases'
import { findNameVariants, inconsistentSpellings, type KnownNames, knownNames } from './rules/names'
import { findNumbers, hasArabicDate, mixedDateForms } from './rules/numbers'
import { findPunctuation, headlineMarks } from './rules/punctuation'
import { findStructuralParticles } from './rules/structuralParticles'
import { findTerms, termMatcher, type TermMatcher } from './rules/terms'
import { piecesOf, runAtOnce, runInSlices, type Steps } from './slices'

/** Texts longer than this are refused: about four broadsheet pages, four times the longest article's body limit. */
export const MAX_PROOFREAD_CHARACTERS = 200_000
/** About a long article's worth: a few milliseconds of the rules that look no further than a paragraph. */
const PIECE_CHARACTERS = 4_000

export type ProofreadInput = {
  /** Plain text by field name, in the order an editor reads them: { title, summary, body … }. */
  fields: Record<string, string>
  sensitiveTerms?: readonly SensitiveTerm[]
  /** Names printed in the bylines, which names in the text are checked against. */
  bylines?: readonly string[]
  /** The places the paper covers (its regions), checked the same way. */
  places?: readonly string[]
}

export type ProofreadResult = { findings: Finding[]; characters: number; errorsPer10k: number }

let dictionaryMatcher: TermMatcher | null = null
const matchers = new WeakMap<readonly SensitiveTerm[], TermMatcher>()

function matcherFor(terms: readonly SensitiveTerm[]): TermMatcher {
  dictionaryMatcher ??= termMatcher(DICTIONARY_ENTRIES)
  if (terms.length === 0) return dictionaryMatcher
  if (!matchers.has(terms)) matchers.set(terms, termMatcher([...sensitiveEntries(terms), ...DICTIONARY_ENTRIES]))
  return matchers.get(terms)!
}

const byPosition = (a: Hit, b: Hit) => a.offset - b.offset || b.length - a.length

/** The rules that look no further than a paragraph (the next one for a quotation running on). */
function paragraphFindings(text: string, matcher: TermMatcher, names: KnownNames): Hit[] {
  const listed = findTerms(text, matcher)
  return [...listed, ...findPhraseSlips(text, listed), ...findStructuralParticles(text), ...findPunctuation(text), ...findNumbers(text), ...findNameVariants(text, names)]
}

/** The fields printed as headlines: 引题, 主题, 副题, 网题. */
const HEADLINE_FIELDS = new Set(['kicker', 'title', 'subtitle', 'webTitle'])

function* fieldSteps(field: string, text: string, matcher: TermMatcher, names: KnownNames, articleHasArabicDate: boolean): Steps<Hit[]> {
  const hits: Hit[] = HEADLINE_FIELDS.has(field) ? headlineMarks(text) : []
  for (const piece of piecesOf(text, PIECE_CHARACTERS)) {
    for (const found of paragraphFindings(piece.text + piece.context, matcher, names)) if (found.offset < piece.text.length) hits.push({ ...found, offset: found.offset + piece.offset })
    yield
  }
  const nameVariants = new Set(hits.filter((found) => found.category === 'consistency').map((found) => found.offset))
  hits.push(...mixedDateForms(text, articleHasArabicDate), ...(yield* inconsistentSpellings(text, nameVariants)))
  return hits.sort(byPosition)
}

function* proofreadSteps({ fields, sensitiveTerms = [], bylines = [], places = [] }: ProofreadInput): Steps<ProofreadResult> {
  const matcher = matcherFor(sensitiveTerms)
  const allText = Object.values(fields).join('\n')
  const names = knownNames(allText, bylines, places)
  const articleHasArabicDate = hasArabicDate(allText)
  const findings: Finding[] = []
  for (const [field, text] of Object.entries(fields)) {
    const hits = yield* fieldSteps(field, text, matcher, names, articleHasArabicDate)
    findings.push(...hits.map((found) => ({ ...found, field, text: text.slice(found.offset, found.offset + found.length) })))
  }
  const characters = countCharacters(allText)
  const errors = findings.filter((finding) => finding.severity === 'error').length
  return { findings, characters, errorsPer10k: characters === 0 ? 0 : Math.round((errors / characters) * 10_000 * 100) / 100 }
}

/**
 * Proofreads an article's fields. Findings are sorted by field and position; the error rate
 * counts `error` findings per 10,000 characters (报纸期刊质量管理规定 fails a paper above 3), the
 * characters counted as 字数 is (src/newsroom/characterCount).
 */
export const proofread = (input: ProofreadInput): ProofreadResult => runAtOnce(proofreadSteps(input))

/** The same, in slices of the event loop: what the server runs. */
export const proofreadInSlices = (input: ProofreadInput): Promise<ProofreadResult> => runInSlices(proofreadSteps(input))
