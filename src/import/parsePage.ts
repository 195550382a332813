import {
  briefHeadline,
  bylineLine,
  captionOf,
  collapseSpacedHan,
  datelineOf,
  columnAndTitle,
  deckText,
  endsSentence,
  isBoxLabel,
  isDeck,
  isEmbeddedImage,
  isNotice,
  isSectionLabel,
  isShortLine,
  jumpFrom,
  jumpTo,
  leadPhrase,
  noteOf,
  splitBlocks,
  startsMidSentence,
  trailingBylines,
} from './blocks'
import type { TitleSource } from './confidence'
import { type Draft, excerpt, finishDraft, INTERLEAVED, newDraft, placesIn, tail, warn } from './drafts'
import { pageEditionOf } from './edition'
import { parseColumnLabel } from './labels'
import type { ImportedPhoto, PageParse } from './types'

/**
 * What the file knows besides its text. Word copy: the lines styled as headlines; the lines
 * that are body text whatever their length (list items, table rows); and that every paragraph
 * is whole, since no column break ever split one.
 */
export type PageHints = { headlines?: string[]; bodyLines?: string[]; wholeParagraphs?: boolean }

/**
 * Raw page text → articles. What the page makes certain (headlines with their decks and
 * bylines, column labels, briefs closed by their bracketed bylines, captions with credits,
 * words split by a column break) is taken; what it does not (text interleaved with another
 * article, a jump to or from another page, a headline printed inside the body, a fragment
 * whose headline is elsewhere) still becomes a draft, marked in `warnings`, with `needsReview`. Every
 * block of the page lands in exactly one article's `source`, in `unassigned`, or, for the page's
 * own header and footer lines (date, 版次, 版名), in `edition.source`.
 */
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
    const draft = newDraft(fragment)
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
      draft.article.outlet = dateline.outlet
      if (draft.article.bylines.length === 0 && dateline.bylines.length > 0) {
        draft.article.bylines = dateline.bylines
        draft.bylinesFrom = 'dateline'
      }
    }
    const jump = jumpTo(text)
    if (jump) warn(draft, 'jump', `本稿下文转第${jump.page ?? '下'}版：请把转版后的文字接在“${tail(jump.before)}”之后`)
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
    const continued = jumpFrom(paragraph)
    if (continued) {
      interrupt(state.current)
      const continuation = start(true)
      addParagraph(continuation, paragraph)
      take(continuation, index, true)
      warn(continuation, 'jump', `本段续自第${continued.page ?? '上'}版：请接到该版的原稿之后，或补齐标题`)
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
  /** The article a column label began, still waiting for its headline. */
  const headingWithoutTitle = () => (state.heading && state.current === state.heading && state.current.article.titleIsPlaceholder && state.current.article.paragraphs.length === 0 ? state.current : null)
  const startsOwnArticle = () => !state.current || state.current.closed || state.current.fragment
  /**
   * A short line is a headline when what follows it is what follows a headline: a deck, a byline,
   * a dateline (本报讯(记者 X)…), a brief closed by its bracketed names, or, between articles,
   * a photo's caption (图片新闻). Word copy styles its headline; a notice (更正) names itself.
   */
  const isHeadingAhead = (index: number) => {
    const next = nextBlock(index)
    if (headlines.has(blocks[index]) || isNotice(blocks[index]) || isDeck(next) || bylineLine(next) !== null || datelineOf(next) !== null) return true
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
    if (isSectionLabel(block) && !isHeadingAhead(index)) {
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
    if (isShortLine(block) && !closingOnly && !isBoxLabel(block) && !noteOf(block) && !captionOf(block) && (!names || isNotice(block))) {
      const headerAt = (offset: number) => isDeck(nextBlock(index, offset)) || bylineLine(nextBlock(index, offset)) !== null || datelineOf(nextBlock(index, offset)) !== null
      const stackedAt = (offset: number) => isShortLine(nextBlock(index, offset)) && !headerAt(offset) && !captionOf(nextBlock(index, offset)) && !parseColumnLabel(nextBlock(index, offset))
      // 引题 over 主题 over 副题, the 副题 printed without its dash: three short lines, then the bylines or dateline.
      if (stackedAt(1) && stackedAt(2) && headerAt(3) && !isDeck(nextBlock(index, 3))) {
        interrupt(state.current)
        const draft = headingWithoutTitle() ?? start()
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
        const draft = headingWithoutTitle() ?? start()
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
  const articles = drafts.map(finishDraft)
  if (articles.length > 0 && articles.every((article) => article.titleIsPlaceholder)) pageWarnings.push('没有找到可以确认的标题：各稿已按段落建稿，请补写标题并核对拆分')
  return { articles, unassigned, warnings: pageWarnings, edition: { ...header.edition, source: header.headerIndexes.map((index) => pageBlocks[index]) } }
}
