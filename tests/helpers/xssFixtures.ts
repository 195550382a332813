import type { Payload } from 'payload'
import sharp from 'sharp'

import type { Article, Byline, Column, Photo, Region, Tag } from '@payload-types'
import { blockNode, headingNode, rootNode, uploadNode } from '@/seed/lexical'
import type { Staff } from './newsroomUsers'
import { publishThroughChain, signFinal, submitAndSign, transitionAs } from './workflow'

/**
 * Documents whose every reader-facing text field carries one payload, created as the newsroom
 * creates them: taxonomy and photos through the Local API, articles drafted by an editor and
 * taken through the workflow (submit, approve, publish, correct, retract).
 */

type LexicalNode = Record<string, unknown>
type Id = number | string

const ELEMENT = { format: '', indent: 0, version: 1, direction: 'ltr' as const }
const BOLD = 1

export const textNode = (text: string, format = 0): LexicalNode => ({ type: 'text', text, format, style: '', mode: 'normal', detail: 0, version: 1 })
export const paragraphOf = (...children: LexicalNode[]): LexicalNode => ({ ...ELEMENT, type: 'paragraph', textFormat: 0, textStyle: '', children })

export const linkNode = (url: string, text: string, newTab = false): LexicalNode => ({
  ...ELEMENT, type: 'link', version: 3, fields: { linkType: 'custom', url, newTab }, children: [textNode(text)],
})
export const autolinkNode = (url: string, text: string): LexicalNode => ({
  ...ELEMENT, type: 'autolink', version: 2, fields: { linkType: 'custom', url }, children: [textNode(text)],
})
export const internalLinkNode = (articleId: Id, text: string): LexicalNode => ({
  ...ELEMENT, type: 'link', version: 3, fields: { linkType: 'internal', doc: { relationTo: 'articles', value: articleId }, newTab: false }, children: [textNode(text)],
})

/** A body using every node and block the editor offers, each holding `text`. */
export function bodyCarrying(text: string, photoId: Id, linkUrl: string) {
  return rootNode([
    paragraphOf(textNode(text), textNode(text, BOLD), linkNode(linkUrl, text, true)),
    headingNode(text, 'h2'),
    { ...ELEMENT, type: 'quote', children: [textNode(text)] },
    { ...ELEMENT, type: 'list', listType: 'bullet', tag: 'ul', start: 1, children: [{ ...ELEMENT, type: 'listitem', value: 1, children: [textNode(text)] }] },
    blockNode('labelledBox', { label: text, variant: 'box', text: `${text}\n${text}` }),
    blockNode('editorNote', { kind: 'editorsNote', text }),
    uploadNode('photos', photoId),
  ])
}

/** Byline names refuse digits and brackets (print layout, not names); the rest of a payload stays. */
export const asBylineName = (text: string) => Array.from(text.replace(/\d/g, '').replace(/[()（）【】[\]]/g, '')).slice(0, 40).join('')

export type CorpusDocs = { article: Article; retracted: Article; column: Column; tag: Tag; region: Region; byline: Byline; photo: Photo }

export type CorpusOptions = {
  /** When the article is published; also its place in the latest list. */
  publishedAt: string
  editionDate: string
  linkUrl: string
  /** A tag every corpus article carries, so each has the others as related reading. */
  sharedTagId: Id
  parentRegion?: Region
}

let image: Buffer | undefined
const photoFile = async () => (image ??= await sharp({ create: { width: 900, height: 600, channels: 3, background: '#7a8a99' } }).png().toBuffer())

export async function createCorpusDocs(payload: Payload, staff: Staff, index: number, text: string, options: CorpusOptions): Promise<CorpusDocs> {
  const slug = (kind: string) => `xss-${kind}-${index}`
  const editor = { user: { ...staff.editor, collection: 'users' as const } }
  const act = (id: Id, action: 'publish' | 'retract', extra: { now?: Date; note?: string } = {}) =>
    transitionAs(payload, staff.editor, { id, action, ...extra })

  const byline = (await payload.create({ collection: 'bylines', data: { name: asBylineName(text), slug: slug('byline'), kind: 'staff', organisation: text, bio: text } })) as Byline
  const tag = (await payload.create({ collection: 'tags', data: { name: text, slug: slug('tag'), description: text } })) as Tag
  const region = (await payload.create({ collection: 'regions', data: { name: text, slug: slug('region'), kind: 'county', parent: options.parentRegion?.id } })) as Region
  const column = (await payload.create({
    collection: 'columns', data: { name: text, slug: slug('column'), description: text, numberingStyle: 'circled', cadence: 'weekly' } as never,
  })) as Column
  const file = await photoFile()
  const photo = (await payload.create({
    collection: 'photos',
    data: { alt: text, caption: text, creditKind: index % 2 ? 'courtesy' : 'photographer', creditText: text },
    file: { data: file, mimetype: 'image/png', name: `${slug('photo')}.png`, size: file.length },
  })) as Photo

  const draft = await payload.create({
    collection: 'articles',
    draft: true,
    ...editor,
    data: {
      slug: slug('article'), kicker: text, title: text, subtitle: text, summary: text,
      body: bodyCarrying(text, photo.id, options.linkUrl),
      column: column.id, installment: { number: 1, partName: text, subSeries: text },
      bylines: [{ byline: byline.id, role: 'staffReporter' }],
      bylinePosition: index % 2 ? 'trailing' : 'header',
      leadPhoto: photo.id, photos: [photo.id], tags: [tag.id, options.sharedTagId], regions: [region.id],
      print: { editionDate: options.editionDate, pageNumber: index + 1, pageName: text },
      seo: { title: text, description: text },
      headline: true,
    } as never,
  })
  await submitAndSign(payload, staff, draft.id)
  await act(draft.id, 'publish', { now: new Date(options.publishedAt) })
  // A 更正 goes public once the 终审 has signed the corrected text.
  await payload.update({ collection: 'articles', id: draft.id, draft: true, ...editor, overrideAccess: false, data: { corrections: [{ correctedAt: options.publishedAt, note: text }] } })
  await signFinal(payload, staff, draft.id)
  const article = (await payload.update({ collection: 'articles', id: draft.id, draft: false, ...editor, overrideAccess: false, data: { _status: 'published' } })) as Article

  const toRetract = await payload.create({ collection: 'articles', draft: true, ...editor, data: { slug: slug('retracted'), title: text, summary: text } as never })
  await publishThroughChain(payload, staff, toRetract.id)
  const retracted = await transitionAs(payload, staff.chiefEditor, { id: toRetract.id, action: 'retract', note: text })
  return { article, retracted, column, tag, region, byline, photo }
}
