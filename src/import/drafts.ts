import { fieldConfidence, type TitleSource } from './confidence'
import type { ImportedArticle, ReviewFlagKind } from './types'

/**
 * An article as src/import/parsePage.ts builds it from the page's blocks, with what the parser
 * needs to know of it on the way (whether a brief is closed, which paragraphs stop mid-sentence),
 * and the final pass that names what is missing and weighs each field.
 */
export type Draft = {
  article: ImportedArticle
  /** Closed by its bracketed bylines: a brief ends there. */
  closed: boolean
  /** Indexes (into article.paragraphs) of paragraphs that stop mid-sentence, oldest first. */
  dangling: number[]
  /** The last page block that was one of its paragraphs. */
  lastParagraphBlock: number
  fragment: boolean
  leads: string[]
  /** How the headline was found: src/import/confidence.ts weighs it. */
  titleFrom: TitleSource
  /** Set when the bylines were read out of the dateline (`本报讯(记者 X)`) rather than printed on their own. */
  bylinesFrom: 'dateline' | null
}

const PLACE = /(\p{Script=Han}{2,5}?(?:省|市|县|区|镇|乡|街道))(?!域|级|委|长|内|外|场|民)/gu
const NOT_PLACES = new Set(['城区', '社区', '小区', '园区', '景区', '新区', '开发区', '商圈', '高新区', '街区', '辖区', '全区', '全市', '全县', '全省', '本市', '该县', '该市'])

/** Places named in a headline, deck or column label, as printed: the draft's 地区 where the database has them. */
export function placesIn(...texts: (string | null | undefined)[]): string[] {
  const found = new Set<string>()
  for (const text of texts) {
    for (const match of (text ?? '').matchAll(PLACE)) {
      // 常德市武陵区南坪街道: a match may swallow the place before it; split at each suffix.
      for (const part of match[1].split(/(?<=省|市|县|区|镇|乡|街道)/u)) if (part.length >= 2 && !NOT_PLACES.has(part) && !/^[全该本各]/u.test(part)) found.add(part)
    }
  }
  return [...found]
}

function newArticle(): ImportedArticle {
  return {
    column: null,
    kicker: null,
    title: '',
    subtitle: null,
    bylines: [],
    photos: [],
    subheads: [],
    paragraphs: [],
    needsReview: false,
    warnings: [],
    installment: null,
    bylinePosition: 'header',
    regions: [],
    body: [],
    titleIsPlaceholder: true,
    reviewFlags: [],
    source: [],
    dateline: null,
    outlet: null,
    confidence: { title: 0, kicker: null, subtitle: null, bylines: 0, column: null, body: 0 },
  }
}

export const excerpt = (text: string, length = 14) => {
  const chars = [...text]
  return chars.length <= length ? text : `${chars.slice(0, length).join('')}…`
}
export const tail = (text: string, length = 14) => {
  const chars = [...text]
  return chars.length <= length ? text : `…${chars.slice(-length).join('')}`
}

export const INTERLEAVED = '与本版他稿逐段交错排版：段落按句意与排比归入本稿，请核对原版'

export function warn(draft: Draft, kind: ReviewFlagKind, message: string) {
  if (draft.article.warnings.includes(message)) return
  draft.article.warnings.push(message)
  draft.article.reviewFlags.push({ kind, note: message })
  draft.article.needsReview = true
}

/** A new article in the making; a fragment is text whose headline is on another page. */
export function newDraft(fragment: boolean): Draft {
  return { article: newArticle(), closed: false, dangling: [], lastParagraphBlock: -1, fragment, leads: [], titleFrom: 'placeholder', bylinesFrom: null }
}

/** The page is read: what is still missing is named (a placeholder headline, a cut-off ending) and each field weighed. */
export function finishDraft(draft: Draft): ImportedArticle {
  const { article } = draft
  if (draft.fragment && article.bylines.length === 0) {
    article.title = `〔待补标题〕${excerpt(article.paragraphs[0] ?? '', 16)}（稿件片段）`
    warn(draft, 'fragment', '稿件片段：标题与署名都不在本版（可能转自他版，或与他稿交错排版）；已单独建稿，请补齐标题与署名，或并入原稿')
  } else if (draft.fragment) {
    const names = article.bylines.map((byline) => byline.name).join(' ')
    article.title = `〔待补标题〕${excerpt(article.paragraphs[0] ?? '', 16)}（${names}稿件片段）`
    warn(draft, 'fragment', '稿件片段：只见结尾署名，标题与开头在他版；已按片段建稿，请补齐标题与前文')
  } else if (article.titleIsPlaceholder) {
    article.title = `〔待补标题〕${excerpt(article.paragraphs[0] ?? article.column?.name ?? '', 16)}`
    warn(draft, 'other', '未找到本稿标题：请补写')
  }
  if (!draft.fragment || article.bylines.length > 0) {
    for (const at of draft.dangling) if (at === article.paragraphs.length - 1) warn(draft, 'jump', `正文在“${tail(article.paragraphs[at])}”处中断：下文可能转至他版，请核对`)
  }
  article.confidence = fieldConfidence(article, draft)
  return article
}
