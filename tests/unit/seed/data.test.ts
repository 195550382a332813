import fs from 'node:fs'
import path from 'node:path'

import { formatBylines } from '@/newsroom/bylines'
import { formatColumnLabel } from '@/newsroom/columnLabel'
import { formatPhotoCredit } from '@/newsroom/credits'
import { EDITOR_NOTE_LABELS } from '@/newsroom/editorNotes'
import { loadSeedData, readSeedPage } from '@/seed/data'
import type { SeedArticle } from '@/seed/types'
import { seedPageLines } from '../../helpers/seedPages'

const seed = loadSeedData()
const PAGES = ['000', '001'] as const

/** Print layout pads names and breaks lines; content is what is left without white space. */
const squeeze = (text: string) => text.replace(/\s+/gu, '')

function photoLine(key: string): string {
  const photo = seed.photos.find((candidate) => candidate.key === key)
  if (!photo) throw new Error(`unknown photo ${key}`)
  return `${photo.caption}${formatPhotoCredit(photo.credit.name, photo.credit.kind)}`
}

/** Everything the seeded article shows, each piece rendered by the product's own formatters. */
function printedPieces(article: SeedArticle): string[] {
  const pieces: string[] = []
  const column = seed.columns.find((candidate) => candidate.name === article.column)
  if (column) pieces.push(formatColumnLabel({ columnName: column.name, ...column, installment: article.installment }))
  if (article.kicker) pieces.push(article.kicker)
  if (!article.titleIsPlaceholder) pieces.push(article.title)
  if (article.subtitle) pieces.push(`——${article.subtitle}`)
  if (article.bylines.length) pieces.push(formatBylines(article.bylines, { trailing: article.bylinePosition === 'trailing' }))
  if (article.leadPhoto) pieces.push(photoLine(article.leadPhoto))
  for (const block of article.body) {
    if (block.type === 'paragraph' || block.type === 'subhead') pieces.push(block.text)
    if (block.type === 'box') pieces.push(`【${block.label}】`, ...block.paragraphs)
    if (block.type === 'section') pieces.push(`【${block.label}】`)
    if (block.type === 'note') pieces.push(`${EDITOR_NOTE_LABELS[block.kind]}:${block.text}`)
    if (block.type === 'photo') pieces.push(photoLine(block.photo))
  }
  return pieces
}

/**
 * A piece is verbatim when it stands in the source as is, or when it is whole source lines
 * rejoined across a column break (a word split by layout) followed by text that stands as is.
 */
function isVerbatim(piece: string, source: string, lines: string[]): boolean {
  if (source.includes(piece)) return true
  const head = lines.filter((line) => line && piece.startsWith(line)).sort((a, b) => b.length - a.length)[0]
  return head !== undefined && head.length < piece.length && isVerbatim(piece.slice(head.length), source, lines)
}

describe('the structured seed', () => {
  it.each(PAGES)('assigns every paragraph of seed page %s to exactly one seeded article', (page) => {
    const fromArticles = seed.articles.filter((article) => article.page === page).flatMap((article) => article.source)
    expect([...fromArticles].sort()).toEqual([...seedPageLines(page)].sort())
  })

  it.each(seed.articles.map((article) => [article.key, article]))(
    'keeps the text of %s verbatim: nothing dropped, nothing invented',
    (_key, article) => {
      const source = squeeze(article.source.join(''))
      const pieces = printedPieces(article).map(squeeze)
      const lines = article.source.map(squeeze)
      for (const piece of pieces) expect(isVerbatim(piece, source, lines)).toBe(true)
      expect(pieces.join('').length).toBe(source.length)
    },
  )

  it('marks every draft for an editor with the reason it cannot be published as is', () => {
    for (const article of seed.articles.filter((candidate) => candidate.status === 'draft')) {
      expect(article.reviewFlags.length).toBeGreaterThan(0)
    }
    for (const article of seed.articles.filter((candidate) => candidate.titleIsPlaceholder)) {
      expect(article.status).toBe('draft')
      expect(article.reviewFlags.map((flag) => flag.kind)).toContain('fragment')
    }
  })

  it('references only columns, regions, tags and photos that the seed defines', () => {
    const regions = new Set(seed.regions.map((region) => region.name))
    const people = new Set([...seed.bylines.people, ...seed.bylines.organisations])
    for (const article of seed.articles) {
      if (article.column) expect(seed.columns.map((column) => column.name)).toContain(article.column)
      for (const region of article.regions) expect(regions).toContain(region)
      for (const tag of article.tags) expect(seed.tags).toContain(tag)
      for (const byline of article.bylines) expect(people).toContain(byline.name)
    }
  })

  it.each(PAGES)('ships seed page %s byte-identical to the shared original', (page) => {
    const sharedDir = path.resolve(process.cwd(), '..', 'shared', 'seeds')
    if (!fs.existsSync(sharedDir)) return
    const original = fs.readdirSync(sharedDir).find((name) => name.startsWith(`${page}_`))
    expect(original).toBeDefined()
    expect(readSeedPage(page)).toBe(fs.readFileSync(path.join(sharedDir, original!), 'utf8'))
  })
})
