import type { Article, Byline, Column, Photo, Region, Tag } from '@payload-types'
import { blockNode, headingNode, paragraphNode, rootNode } from '@/seed/lexical'
import { toNinjs } from '@/reader/syndication/ninjs'
import { ninjsSchemaErrors } from '../../../helpers/ninjs'

const SITE = 'https://news.example.cn'
process.env.SITE_URL = SITE

const schemaErrors = ninjsSchemaErrors

/** Paths of every null or undefined value: absent fields must be left out, not emptied. */
function emptyPaths(value: unknown, at = '$'): string[] {
  if (value === null || value === undefined) return [at]
  if (typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, field]) => emptyPaths(field, `${at}.${key}`))
}

const stamps = { createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z' }

const column: Column = { id: 1, name: '善治天心', numberingStyle: 'circled', partSeparator: 'middleDot', cadence: 'weekly', ...stamps }
const byline = (id: number, name: string, slug: string, kind: Byline['kind']): Byline => ({ id, name, slug, kind, ...stamps })
const zhang = byline(21, '张福芳', 'zhang-fu-fang', 'staff')
const wang = byline(22, '王五', 'wang-wu', 'correspondent')
const propaganda = byline(23, '新化县委宣传部', 'xin-hua-xian-wei-xuan-chuan-bu', 'organisation')

const size = (name: string, width: number, height: number) => ({
  url: `/api/photos/file/${name}`,
  width,
  height,
  mimeType: 'image/webp',
  filesize: width * 100,
  filename: name,
})

const leadPhoto: Photo = {
  id: 31,
  alt: '村干部在田间与村民交流',
  caption: '新化县水车镇村干部在田间与村民交流。',
  creditKind: 'photographer',
  creditByline: zhang,
  url: '/api/photos/file/shui-che.webp',
  mimeType: 'image/webp',
  width: 3000,
  height: 2000,
  filesize: 900_000,
  sizes: {
    thumbnail: size('shui-che-400x267.webp', 400, 267),
    card: size('shui-che-800x533.webp', 800, 533),
    large: size('shui-che-1600x1067.webp', 1600, 1067),
    share: size('shui-che-1200x630.webp', 1200, 630),
  },
  ...stamps,
}

// Payload keeps uploaded file names, so a Chinese name with a space reaches the URL as is.
const bodyPhoto: Photo = {
  id: 32,
  alt: '村民议事会现场',
  creditKind: 'courtesy',
  creditText: '新化县委宣传部',
  url: '/api/photos/file/村民议事会 1.webp',
  width: 1200,
  height: 800,
  ...stamps,
}

const tags: Tag[] = [
  { id: 41, name: '基层治理', slug: 'ji-ceng-zhi-li', ...stamps },
  { id: 42, name: '党建', slug: 'dang-jian', ...stamps },
]
const region: Region = { id: 51, name: '新化县', slug: 'xin-hua-xian', kind: 'county', path: '湖南省/娄底市/新化县', ...stamps }

const quoteNode = (text: string) => ({ ...paragraphNode(text), type: 'quote' })
const body = rootNode([
  blockNode('editorNote', { kind: 'editorsNote', text: '本报今起推出“善治天心”专栏。' }),
  paragraphNode('近年来，新化县以党建引领基层治理。'),
  headingNode('议事会开到田埂上'),
  paragraphNode('水车镇每月召开村民议事会。'),
  quoteNode('“有事大家商量着办。”'),
  blockNode('labelledBox', { label: '链接', variant: 'box', text: '全县已建成议事会412个。\n覆盖率达百分之百。' }),
  { type: 'upload', format: '', version: 3, relationTo: 'photos', value: bodyPhoto, fields: {} },
]) as unknown as Article['body']

const installmentArticle: Article = {
  id: 7,
  slug: 'dang-jian-yin-ling-ji-ceng-zhi-li',
  kicker: '善治天心',
  title: '党建引领基层治理显实效',
  subtitle: '新化县探索村民议事会制度',
  summary: '新化县以村民议事会为抓手，推动基层治理提质增效。',
  body,
  column,
  articleType: 'feature',
  installment: { number: 2 },
  bylines: [
    { byline: zhang, role: 'staffReporter' },
    { byline: wang, role: 'correspondent' },
    { byline: propaganda, role: 'courtesy' },
  ],
  leadPhoto,
  photos: [leadPhoto],
  tags,
  regions: [region],
  publishedAt: '2026-11-22T00:00:00.000Z',
  createdAt: '2026-11-20T02:00:00.000Z',
  updatedAt: '2026-11-22T06:30:00.000Z',
}

describe('toNinjs', () => {
  const item = toNinjs(installmentArticle)

  it('produces ninjs 2.2 that the official schema accepts for a column installment with photos', () => {
    expect(schemaErrors(item)).toEqual([])
    expect(emptyPaths(item)).toEqual([])
    expect(item).toMatchObject({
      uri: `${SITE}/articles/dang-jian-yin-ling-ji-ceng-zhi-li`,
      type: 'text',
      pubstatus: 'usable',
      language: 'zh-CN',
      firstcreated: '2026-11-22T08:00:00+08:00',
      versioncreated: '2026-11-22T14:30:00+08:00',
    })
  })

  it('names the article by its headline, kicker, subtitle and printed column label', () => {
    expect(item.headlines).toEqual([
      { role: 'main', contenttype: 'text/plain', value: '党建引领基层治理显实效' },
      { role: 'kicker', contenttype: 'text/plain', value: '善治天心' },
      { role: 'subtitle', contenttype: 'text/plain', value: '新化县探索村民议事会制度' },
      { role: 'series', contenttype: 'text/plain', value: '善治天心②' },
    ])
    expect(item.descriptions).toEqual([{ role: 'summary', contenttype: 'text/plain', value: installmentArticle.summary }])
  })

  it('prints the byline as the paper does and credits people and organisations by their role', () => {
    expect(item.by).toBe('本报记者 张福芳 通讯员 王五 新化县委宣传部供图')
    expect(item.people).toEqual([
      { name: '张福芳', rel: 'staffReporter', uri: `${SITE}/bylines/zhang-fu-fang` },
      { name: '王五', rel: 'correspondent', uri: `${SITE}/bylines/wang-wu` },
    ])
    expect(item.organisations).toEqual([
      { name: '新化县委宣传部', rel: 'courtesy', uri: `${SITE}/bylines/xin-hua-xian-wei-xuan-chuan-bu` },
    ])
  })

  it('links tags as subjects and regions as places on the reader site', () => {
    expect(item.subjects).toEqual([
      { name: '基层治理', uri: `${SITE}/tags/ji-ceng-zhi-li` },
      { name: '党建', uri: `${SITE}/tags/dang-jian` },
    ])
    expect(item.places).toEqual([{ name: '新化县', uri: `${SITE}/regions/xin-hua-xian` }])
  })

  it('flattens the body to plain-text paragraphs, boxes and editors’ notes included', () => {
    const text = item.bodies?.[0]?.value ?? ''
    expect(item.bodies?.[0]).toMatchObject({ role: 'main', contenttype: 'text/plain', charcount: [...text].length })
    expect(text.split('\n\n')).toEqual([
      '编者按：本报今起推出“善治天心”专栏。',
      '近年来，新化县以党建引领基层治理。',
      '议事会开到田埂上',
      '水车镇每月召开村民议事会。',
      '“有事大家商量着办。”',
      '【链接】',
      '全县已建成议事会412个。',
      '覆盖率达百分之百。',
    ])
    expect(text).not.toMatch(/[{}<>]|"type"|blockType/)
  })

  it('attaches each photo once, lead photo first, with caption, credit and absolute renditions', () => {
    const [lead, inBody] = item.associations ?? []
    expect(item.associations).toHaveLength(2)
    expect(lead).toMatchObject({
      name: 'leadPhoto',
      type: 'picture',
      uri: `${SITE}/api/photos/31`,
      by: '张福芳 摄',
      descriptions: [
        { role: 'caption', contenttype: 'text/plain', value: leadPhoto.caption },
        { role: 'alt', contenttype: 'text/plain', value: leadPhoto.alt },
      ],
    })
    expect(lead.renditions?.map((rendition) => rendition.name)).toEqual(['original', 'thumbnail', 'card', 'large', 'share'])
    expect(lead.renditions?.[3]).toEqual({
      name: 'large',
      href: `${SITE}/api/photos/file/shui-che-1600x1067.webp`,
      contenttype: 'image/webp',
      width: 1600,
      height: 1067,
      sizeinbytes: 160_000,
    })
    for (const rendition of [...(lead.renditions ?? []), ...(inBody.renditions ?? [])]) {
      expect(rendition.href?.startsWith(`${SITE}/api/photos/file/`)).toBe(true)
    }
    expect(inBody).toMatchObject({ name: 'photo1', by: '(新化县委宣传部供图)' })
    expect(inBody.renditions).toEqual([
      {
        name: 'original',
        href: `${SITE}/api/photos/file/${encodeURIComponent('村民议事会 1.webp')}`,
        contenttype: 'image/webp',
        width: 1200,
        height: 800,
      },
    ])
  })

  it('marks a retracted article canceled, with the notice and without its text or photos', () => {
    const retracted = toNinjs({
      ...installmentArticle,
      retraction: { retractedAt: '2026-11-23T02:00:00.000Z', notice: '经核实，该稿部分内容失实，现予撤回。' },
    })
    expect(schemaErrors(retracted)).toEqual([])
    expect(retracted).toMatchObject({ pubstatus: 'canceled', ednote: '经核实，该稿部分内容失实，现予撤回。', version: '2' })
    expect(retracted).not.toHaveProperty('bodies')
    expect(retracted).not.toHaveProperty('associations')
  })

  it('notes corrections and counts them as versions', () => {
    const corrected = toNinjs({
      ...installmentArticle,
      corrections: [{ correctedAt: '2026-11-22T08:05:00.000Z', note: '第二段“412个”应为“421个”。' }],
    })
    expect(schemaErrors(corrected)).toEqual([])
    expect(corrected).toMatchObject({ version: '2', ednote: '更正（2026年11月22日 16:05）：第二段“412个”应为“421个”。' })
  })

  it('still produces a valid item for a bare article whose relations are only ids', () => {
    const minimal = toNinjs({
      id: 8,
      title: '简讯',
      column: 1,
      bylines: [{ byline: 21, role: 'reporter' }],
      leadPhoto: 31,
      photos: [31],
      tags: [41],
      regions: [51],
      body: null,
      ...stamps,
    })
    expect(schemaErrors(minimal)).toEqual([])
    expect(emptyPaths(minimal)).toEqual([])
    expect(minimal.headlines).toEqual([{ role: 'main', contenttype: 'text/plain', value: '简讯' }])
    for (const absent of ['by', 'people', 'subjects', 'places', 'associations', 'bodies', 'firstcreated', 'slugline']) {
      expect(minimal).not.toHaveProperty(absent)
    }
  })

  it('credits wire copy to its agency as copyright holder and info source, and the paper’s own copy to the paper', () => {
    const wire = toNinjs({ id: 9, title: '国家统计局发布数据', outlet: '新华社', body: null, ...stamps })
    expect(schemaErrors(wire)).toEqual([])
    expect(wire).toMatchObject({ copyrightholder: '新华社', infosources: [{ name: '新华社' }] })
    const own = toNinjs({ id: 10, title: '本报稿件', outlet: '本报', body: null, ...stamps })
    expect(own.copyrightholder).toBe(own.infosources?.[0].name)
    expect(own.copyrightholder).not.toBe('本报')
    expect(toNinjs({ id: 11, title: '旧稿', body: null, ...stamps })).not.toHaveProperty('infosources')
  })
})
