import {
  briefHeadline,
  bylineLine,
  captionOf,
  collapseSpacedHan,
  datelineOf,
  deckText,
  endsSentence,
  isBoxLabel,
  isDeck,
  isEmbeddedImage,
  isShortLine,
  leadPhrase,
  noteOf,
  splitBlocks,
  startsMidSentence,
  trailingBylines,
} from './blocks'
import { pageEditionOf } from './edition'
import { parseColumnLabel } from './labels'
import { fieldConfidence, type TitleSource } from './confidence'
import type { ImportedArticle, ImportedPhoto, PageParse, ReviewFlagKind } from './types'

/**
 * Raw page text → articles. What the page makes certain (headlines with their decks and
 * bylines, column labels, briefs closed by their bracketed bylines, captions with credits,
 * words split by a column break) is taken; what it does not (text interleaved with another
 * article, a jump to or from another page, a headline printed inside the body, a fragment
 * whose headline is elsewhere) is kept and marked in `warnings`, with `needsReview`. Every
 * block of the page lands in exactly one article's `source`, in `unassigned`, or, for the page's
 * own header and footer lines (date, 版次, 版名), in `edition.source`.
 */

type Draft = {
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

/**
 * What the file knows besides its text. Word copy: the lines styled as headlines; the lines
 * that are body text whatever their length (list items, table rows); and that every paragraph
 * is whole, since no column break ever split one.
 */
export type PageHints = { headlines?: string[]; bodyLines?: string[]; wholeParagraphs?: boolean }

/** A page section printed once above its briefs or photos. */
const SECTION = /^(?:要闻简报|新闻简报|简讯|新闻简讯|本版简讯|短讯|快讯|要闻速览|图片新闻)$/u
const COLUMN_AND_TITLE = /^(\p{Script=Han}[^丨｜]{1,11}?)\s*[丨｜]\s*([^丨｜]{2,40})$/u
function columnAndTitle(block: string): { column: string; title: string } | null {
  const match = COLUMN_AND_TITLE.exec(block.trim())
  return match && isShortLine(match[2], 40) ? { column: match[1].trim(), title: match[2].trim() } : null
}

/** Notices a paper prints under a one-word headline. */
const NOTICE = /^(?:更正|更正启事|更正声明|致歉|致歉声明|启事|声明|讣告|公告)$/u
const JUMP_FROM = /^[(（]?(?:上接第?([一二三四五六七八九十\d]{1,3})版|接上页)[)）]?/u
const JUMP_TO = /[(（](?:下转第?([一二三四五六七八九十\d]{1,3})版|转下页)[)）]$/u

const PLACE = /(\p{Script=Han}{2,5}?(?:省|市|县|区|镇|乡|街道))(?!域|级|委|长|内|外|场|民)/gu
const NOT_PLACES = new Set(['城区', '社区', '小区', '园区', '景区', '新区', '开发区', '商圈', '高新区', '街区', '辖区', '全区', '全市', '全县', '全省', '本市', '该县', '该市'])

function placesIn(...texts: (string | null | undefined)[]): string[] {
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
    confidence: { title: 0, kicker: null, subtitle: null, bylines: 0, column: null, body: 0 },
  }
}

const excerpt = (text: string, length = 14) => {
  const chars = [...text]
  return chars.length <= length ? text : `${chars.slice(0, length).join('')}…`
}
const tail = (text: string, length = 14) => {
  const chars = [...text]
  return chars.length <= length ? text : `…${chars.slice(-length).join('')}`
}

const INTERLEAVED = '与本版他稿逐段交错排版：段落按句意与排比归入本稿，请核对原版'

function warn(draft: Draft, kind: ReviewFlagKind, message: string) {
  if (draft.article.warnings.includes(message)) return
  draft.article.warnings.push(message)
  draft.article.reviewFlags.push({ kind, note: message })
  draft.article.needsReview = true
}

export function parsePage(text: string, hints: PageHints = {}): PageParse {
  const headlines = new Set(hints.headlines)
  const bodyLines = new Set(hints.bodyLines)
  const pageBlocks = splitBlocks(text)
  const header = pageEditionOf(pageBlocks)
  const blocks = pageBlocks.filter((_, index) => !header.headerIndexes.includes(index))
  const drafts: Draft[] = []
  const unassigned: string[] = []
  const pageWarnings: string[] = []
  /** `heading` is set between a headline and the article's first body block: decks and bylines go there. */
  const state: { current: Draft | null; heading: Draft | null } = { current: null, heading: null }
  /** Images met before any article began: the next article's (Word copy's lead photo). */
  const waitingPhotos: { photo: ImportedPhoto; blocks: number[] }[] = []
  /** The section label (要闻简报) the articles started under it carry as their column; its block goes to the first of them. */
  let section: { name: string; index: number | null } | null = null
  let imagesSeen = 0

  const open = () => drafts.filter((draft) => !draft.closed)
  const start = (fragment = false): Draft => {
    const draft: Draft = { article: newArticle(), closed: false, dangling: [], lastParagraphBlock: -1, fragment, leads: [], titleFrom: 'placeholder', bylinesFrom: null }
    drafts.push(draft)
    state.current = draft
    if (section && !fragment) {
      draft.article.column = { name: section.name, installment: null }
      if (section.index !== null) draft.article.source.push(blocks[section.index])
      section = { name: section.name, index: null }
    }
    for (const { photo, blocks: photoBlocks } of waitingPhotos.splice(0)) {
      addPhoto(draft, photo)
      for (const at of photoBlocks) draft.article.source.push(blocks[at])
    }
    return draft
  }
  const addPhoto = (draft: Draft, photo: ImportedPhoto) => {
    draft.article.photos.push(photo)
    draft.article.body.push({ type: 'photo', index: draft.article.photos.length - 1 })
    if (photo.image != null && !photo.caption) warn(draft, 'other', `第 ${draft.article.photos.length} 张图片没有图片说明：请补写`)
  }
  const take = (draft: Draft, index: number, paragraph = false) => {
    draft.article.source.push(blocks[index])
    if (paragraph) draft.lastParagraphBlock = index
    state.current = draft
  }
  const interrupt = (draft: Draft | null) => {
    if (!draft) return
    for (const at of draft.dangling) warn(draft, 'jump', `正文在“${tail(draft.article.paragraphs[at])}”处中断：下文可能转至他版或在本版别处，请核对`)
  }
  const addParagraph = (draft: Draft, paragraph: string) => {
    const text = collapseSpacedHan(paragraph)
    const dateline = draft.article.paragraphs.length === 0 ? datelineOf(text) : null
    if (dateline) {
      draft.article.dateline = dateline.text
      if (draft.article.bylines.length === 0 && dateline.bylines.length > 0) {
        draft.article.bylines = dateline.bylines
        draft.bylinesFrom = 'dateline'
      }
    }
    const jumpTo = JUMP_TO.exec(text)
    if (jumpTo) warn(draft, 'jump', `本稿下文转第${jumpTo[1] ?? '下'}版：请把转版后的文字接在“${tail(text.replace(JUMP_TO, ''))}”之后`)
    draft.article.paragraphs.push(text)
    draft.article.body.push({ type: 'paragraph', text })
    const lead = leadPhrase(text)
    if (lead) draft.leads.push(lead)
    if (!endsSentence(text)) draft.dangling.push(draft.article.paragraphs.length - 1)
  }
  const joinParagraph = (draft: Draft, at: number, continuation: string) => {
    const before = draft.article.paragraphs[at]
    const joined = before + collapseSpacedHan(continuation)
    draft.article.paragraphs[at] = joined
    const block = draft.article.body.find((entry) => entry.type === 'paragraph' && entry.text === before)
    if (block && block.type === 'paragraph') block.text = joined
    draft.dangling = draft.dangling.filter((index) => index !== at)
    if (!endsSentence(joined)) draft.dangling.push(at)
  }
  const setTitle = (draft: Draft, title: string, from: TitleSource = 'heading') => {
    draft.titleFrom = from
    draft.article.title = collapseSpacedHan(title)
    draft.article.titleIsPlaceholder = false
    draft.article.regions = placesIn(draft.article.title, draft.article.subtitle, draft.article.column?.name)
    state.heading = draft
  }
  const parallelTo = (paragraph: string): Draft | null => {
    const lead = leadPhrase(paragraph)
    if (!lead || open().length < 2) return null
    return open().find((draft) => draft !== state.current && draft.leads.some((other) => other[0] === lead[0] && Math.abs(other.length - lead.length) <= 2)) ?? null
  }
  const placeParagraph = (index: number, paragraph: string): Draft => {
    const jumpFrom = JUMP_FROM.exec(paragraph.trim())
    if (jumpFrom) {
      interrupt(state.current)
      const continuation = start(true)
      addParagraph(continuation, paragraph)
      take(continuation, index, true)
      warn(continuation, 'jump', `本段续自第${jumpFrom[1] ?? '上'}版：请接到该版的原稿之后，或补齐标题`)
      return continuation
    }
    const parallel = hints.wholeParagraphs ? null : parallelTo(paragraph)
    if (parallel) {
      warn(parallel, 'interleaved', INTERLEAVED)
      if (state.current && state.current !== parallel) warn(state.current, 'interleaved', INTERLEAVED)
      addParagraph(parallel, paragraph)
      take(parallel, index, true)
      return parallel
    }
    const waiting = open().filter((draft) => draft.dangling.length > 0)
    const midSentence = startsMidSentence(paragraph)
    // A word split by a column break: the paragraph just above stops mid-sentence and nothing else on the page is waiting.
    const adjacent = !hints.wholeParagraphs && state.current && state.current.lastParagraphBlock === index - 1 && state.current.dangling.length > 0 && waiting.length === 1 && waiting[0] === state.current
    if (adjacent && state.current) {
      const at = state.current.dangling[state.current.dangling.length - 1]
      if (/^\p{Script=Han}[^\p{Script=Han}]/u.test(paragraph)) warn(state.current, 'jump', `分栏断开处已拼接“${tail(state.current.article.paragraphs[at], 6)}|${excerpt(paragraph, 6)}”：也可能是转版，请核对`)
      joinParagraph(state.current, state.current.dangling[state.current.dangling.length - 1], paragraph)
      take(state.current, index, true)
      return state.current
    }
    if (!hints.wholeParagraphs && waiting.length > 0 && (midSentence || state.current?.closed)) {
      const target = waiting[0]
      const at = target.dangling[0]
      const message = target === state.current ? `“${tail(target.article.paragraphs[at], 6)}”与“${excerpt(paragraph, 6)}”按句意接续，中间隔有他文：段落顺序需核对` : INTERLEAVED
      warn(target, target === state.current ? 'uncertainOrder' : 'interleaved', message)
      if (state.current && state.current !== target && !state.current.fragment) warn(state.current, 'interleaved', INTERLEAVED)
      joinParagraph(target, at, paragraph)
      take(target, index, true)
      return target
    }
    if (midSentence || !state.current || state.current.closed) {
      const fragment = start(true)
      fragment.article.bylinePosition = 'trailing'
      addParagraph(fragment, paragraph)
      take(fragment, index, true)
      return fragment
    }
    addParagraph(state.current, paragraph)
    take(state.current, index, true)
    return state.current
  }
  const nextBlock = (index: number, offset = 1) => blocks[index + offset] ?? ''
  const startsOwnArticle = () => !state.current || state.current.closed || state.current.fragment
  /**
   * A short line is a headline when what follows it is what follows a headline: a deck, a byline,
   * a dateline (本报讯(记者 X)…), a brief closed by its bracketed names, or, between articles,
   * a photo's caption (图片新闻). Word copy styles its headline; a notice (更正) names itself.
   */
  const isHeadingAhead = (index: number) => {
    const next = nextBlock(index)
    if (headlines.has(blocks[index]) || NOTICE.test(blocks[index].trim()) || isDeck(next) || bylineLine(next) !== null || datelineOf(next) !== null) return true
    if (!startsOwnArticle()) return false
    return captionOf(next) !== null || Boolean(trailingBylines(next)?.rest)
  }

  for (let index = 0; index < blocks.length; index += 1) {
    const block = blocks[index]
    if (isEmbeddedImage(block)) {
      const caption = captionOf(nextBlock(index))
      const photo: ImportedPhoto = { ...(caption ?? { caption: '', credit: null, creditKind: null }), image: imagesSeen }
      imagesSeen += 1
      const photoBlocks = caption ? [index, index + 1] : [index]
      const target = state.current && !state.current.fragment ? state.current : null
      if (target) {
        addPhoto(target, photo)
        for (const at of photoBlocks) take(target, at)
      } else waitingPhotos.push({ photo, blocks: photoBlocks })
      index = photoBlocks.at(-1)!
      continue
    }
    if (bodyLines.has(block) && state.current) {
      state.heading = null
      placeParagraph(index, block)
      continue
    }
    const expectingHeader = state.heading !== null && state.current === state.heading
    // Decks and bylines only ever follow a headline or column label.
    if (expectingHeader && state.current && isDeck(block) && !state.current.article.subtitle) {
      state.current.article.subtitle = collapseSpacedHan(deckText(block))
      state.current.article.regions = placesIn(state.current.article.title, state.current.article.subtitle, state.current.article.column?.name)
      take(state.current, index)
      continue
    }
    const names = bylineLine(block)
    if (expectingHeader && state.current && names && state.current.article.bylines.length === 0) {
      if (section && state.current.article.column?.name === section.name) {
        // Bylines under the headline: a full article, so the briefs' section has ended above it.
        state.current.article.column = null
        section = null
      }
      state.current.article.bylines = names
      take(state.current, index)
      state.heading = null
      continue
    }
    const column = parseColumnLabel(block)
    // A bracketed label opens an article only where one can start, or over a headline: inside a body it is a box (【数说新化】).
    const opensArticle = column && (!column.bracketed || column.installment !== null || startsOwnArticle() || isHeadingAhead(index + 1))
    if (column && opensArticle && (isShortLine(nextBlock(index)) || bylineLine(nextBlock(index)))) {
      interrupt(state.current)
      const draft = start()
      draft.article.column = { name: column.name, installment: column.installment }
      draft.article.installment = { number: column.number, partName: column.partName, subSeries: column.subSeries }
      draft.article.regions = placesIn(column.name, column.subSeries)
      take(draft, index)
      state.heading = draft
      continue
    }
    const labelled = columnAndTitle(block)
    if (labelled) {
      // `民生观察丨…`: the column and the headline on one line.
      interrupt(state.current)
      const draft = start()
      draft.article.column = { name: labelled.column, installment: null }
      take(draft, index)
      setTitle(draft, labelled.title)
      continue
    }
    if (SECTION.test(block.trim()) && !isHeadingAhead(index)) {
      // 要闻简报, 简讯: the section the briefs under it belong to, printed once above them.
      section = { name: block.trim(), index }
      continue
    }
    const brief = briefHeadline(block)
    if (brief && !isHeadingAhead(index)) {
      interrupt(state.current)
      const draft = start()
      draft.article.bylinePosition = 'trailing'
      take(draft, index)
      setTitle(draft, block, 'brief')
      draft.article.regions = [...new Set([brief.place, ...draft.article.regions])]
      state.heading = null
      continue
    }
    // `(许雅兰)` alone on a line closes the text above it: never a headline.
    const closingOnly = trailingBylines(block)?.rest === ''
    if (isShortLine(block) && !closingOnly && !isBoxLabel(block) && !noteOf(block) && !captionOf(block) && (!names || NOTICE.test(block.trim()))) {
      const headerAt = (offset: number) => isDeck(nextBlock(index, offset)) || bylineLine(nextBlock(index, offset)) !== null || datelineOf(nextBlock(index, offset)) !== null
      const stackedAt = (offset: number) => isShortLine(nextBlock(index, offset)) && !headerAt(offset) && !captionOf(nextBlock(index, offset)) && !parseColumnLabel(nextBlock(index, offset))
      // 引题 over 主题 over 副题, the 副题 printed without its dash: three short lines, then the bylines or dateline.
      if (stackedAt(1) && stackedAt(2) && headerAt(3) && !isDeck(nextBlock(index, 3))) {
        interrupt(state.current)
        const draft = state.heading && state.current === state.heading && state.current.article.titleIsPlaceholder && state.current.article.paragraphs.length === 0 ? state.current : start()
        draft.article.kicker = collapseSpacedHan(block)
        draft.article.subtitle = collapseSpacedHan(nextBlock(index, 2))
        take(draft, index)
        setTitle(draft, nextBlock(index))
        take(draft, index + 1)
        take(draft, index + 2)
        index += 2
        continue
      }
      // 引题 above 主题: two short lines, then the deck, bylines or dateline.
      if (isShortLine(nextBlock(index)) && !isDeck(nextBlock(index)) && headerAt(2)) {
        interrupt(state.current)
        const draft = state.heading && state.current === state.heading && state.current.article.titleIsPlaceholder && state.current.article.paragraphs.length === 0 ? state.current : start()
        draft.article.kicker = collapseSpacedHan(block)
        take(draft, index)
        state.heading = draft
        continue
      }
      if (isHeadingAhead(index) || (state.heading && state.current === state.heading && state.current.article.titleIsPlaceholder)) {
        const pending: Draft | null = state.current
        if (pending && pending.article.titleIsPlaceholder && !pending.fragment && pending === state.heading) {
          setTitle(pending, block)
          take(pending, index)
          continue
        }
        if (pending && pending.article.titleIsPlaceholder && !pending.fragment && pending.article.column && pending.article.paragraphs.length > 0) {
          // The column's headline and deck printed in the middle of its own body.
          warn(pending, 'misplacedHeadline', `主题“${excerpt(block, 12)}”印在正文中间，已取为本稿标题：请核对标题位置与段落顺序`)
          setTitle(pending, block, 'misplaced')
          take(pending, index)
          continue
        }
        interrupt(state.current)
        const draft = start()
        take(draft, index)
        setTitle(draft, block)
        continue
      }
      if (state.current && !state.current.fragment && (state.current.article.bylines.length > 0 || state.current.article.paragraphs.length > 0 || state.current.article.column) && isShortLine(block, 24)) {
        interrupt(state.current)
        state.current.dangling = []
        state.current.article.subheads.push(collapseSpacedHan(block))
        state.current.article.body.push({ type: 'subhead', text: collapseSpacedHan(block) })
        take(state.current, index)
        state.heading = null
        continue
      }
    }
    state.heading = null
    if (isBoxLabel(block) && state.current && !state.current.fragment) {
      interrupt(state.current)
      state.current.dangling = []
      state.current.article.body.push({ type: 'box', label: block.trim().slice(1, -1) })
      take(state.current, index)
      continue
    }
    const note = noteOf(block)
    if (note && state.current && !state.current.fragment) {
      state.current.article.body.push({ type: 'note', kind: note.kind, text: note.text })
      take(state.current, index)
      continue
    }
    const photo = captionOf(block)
    if (photo && state.current && !state.current.fragment) {
      state.current.article.photos.push(photo)
      state.current.article.body.push({ type: 'photo', index: state.current.article.photos.length - 1 })
      take(state.current, index)
      continue
    }
    const closing = trailingBylines(block)
    if (closing && !closing.rest) {
      // `(许雅兰)` on its own line closes the text just above it.
      const target = state.current && !state.current.closed ? state.current : null
      if (target && (target.article.bylines.length === 0 || target.fragment)) {
        target.article.bylines = closing.bylines
        target.closed = true
        take(target, index)
      } else if (target) {
        warn(target, 'other', `文末另有署名“${block.trim()}”：其上文字可能属于他稿`)
        take(target, index)
      } else {
        unassigned.push(block)
        pageWarnings.push(`孤立的署名“${block.trim()}”未能归入任何稿件`)
      }
      continue
    }
    const draft = placeParagraph(index, closing ? closing.rest : block)
    if (closing) {
      draft.article.source.pop()
      draft.article.source.push(block)
      if (draft.article.bylines.length === 0 || draft.fragment || draft.article.bylinePosition === 'trailing') {
        draft.article.bylines = closing.bylines
        draft.article.bylinePosition = 'trailing'
        draft.closed = true
      } else {
        warn(draft, 'other', `段末署名“${excerpt(block.slice(-12), 12)}”与标题下署名不同：其上文字可能属于他稿`)
        draft.article.paragraphs[draft.article.paragraphs.length - 1] += block.trim().slice(closing.rest.length)
      }
    }
  }

  if (section?.index != null) unassigned.push(blocks[section.index])
  if (waitingPhotos.length > 0) {
    // Images after the last article's text, or a page of images only: the last article's, or a draft of their own.
    const last = drafts.at(-1) ?? start()
    for (const { photo, blocks: photoBlocks } of waitingPhotos.splice(0)) {
      addPhoto(last, photo)
      for (const at of photoBlocks) last.article.source.push(blocks[at])
    }
  }
  for (const draft of drafts) {
    if (draft.fragment && draft.article.bylines.length === 0) {
      draft.article.title = `〔待补标题〕${excerpt(draft.article.paragraphs[0] ?? '', 16)}（稿件片段）`
      warn(draft, 'fragment', '稿件片段：标题与署名都不在本版（可能转自他版，或与他稿交错排版）；已单独建稿，请补齐标题与署名，或并入原稿')
    } else if (draft.fragment) {
      const names = draft.article.bylines.map((byline) => byline.name).join(' ')
      draft.article.title = `〔待补标题〕${excerpt(draft.article.paragraphs[0] ?? '', 16)}（${names}稿件片段）`
      warn(draft, 'fragment', '稿件片段：只见结尾署名，标题与开头在他版；已按片段建稿，请补齐标题与前文')
    } else if (draft.article.titleIsPlaceholder) {
      draft.article.title = `〔待补标题〕${excerpt(draft.article.paragraphs[0] ?? draft.article.column?.name ?? '', 16)}`
      warn(draft, 'other', '未找到本稿标题：请补写')
    }
    if (!draft.fragment || draft.article.bylines.length > 0) {
      for (const at of draft.dangling) if (at === draft.article.paragraphs.length - 1) warn(draft, 'jump', `正文在“${tail(draft.article.paragraphs[at])}”处中断：下文可能转至他版，请核对`)
    }
  }
  const articles = drafts.map((draft) => {
    draft.article.confidence = fieldConfidence(draft.article, draft)
    return draft.article
  })
  if (articles.length > 0 && articles.every((article) => article.titleIsPlaceholder)) pageWarnings.push('没有找到可以确认的标题：各稿已按段落建稿，请补写标题并核对拆分')
  return { articles, unassigned, warnings: pageWarnings, edition: { ...header.edition, source: header.headerIndexes.map((index) => pageBlocks[index]) } }
}
