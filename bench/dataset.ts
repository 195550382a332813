import { loadSeedData } from '@/seed/data'
import { headingNode, paragraphNode, rootNode } from '@/seed/lexical'
import { seededRandom } from './seededRandom'

/**
 * A newsroom's worth of articles generated from the seed pages: sentences, headlines,
 * subheads, names, places and columns are the seeds' own, recombined with the seeds' length
 * mix (long features, short briefs). Each article also names a generated person or place
 * that few others share, the way real archives are full of rare names. Deterministic for a
 * given seed number, so runs compare.
 */
export type GeneratedArticle = {
  index: number
  kicker: string | null
  title: string
  subtitle: string | null
  summary: string | null
  /** Body blocks in order: paragraphs and 小标题 subheads. */
  body: { type: 'paragraph' | 'subhead'; text: string }[]
  bylines: string[]
  column: string | null
  regions: string[]
  tags: string[]
  /** The rare name this article carries (a query that should find 1–3 articles). */
  rareName: string
  publishedAt: string
}

export type DatasetShape = { articles: number; bylines: number; columns: number; regions: number; photos: number }

/** The default: 10,000 articles, 500 bylines, 30 columns, 50 regions, 2,000 photos. */
export function datasetShape(articles: number): DatasetShape {
  const scale = articles / 10_000
  return { articles, bylines: Math.max(30, Math.round(500 * Math.min(1, scale))), columns: 30, regions: 50, photos: Math.max(20, Math.round(2_000 * scale)) }
}


const SURNAMES = Array.from('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤')
const GIVEN = Array.from('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国文斌宇浩凯鑫晨欣怡佳琪雪梅林峰志新海波宁云飞晓燕俊慧丹彬振洪雄春婷钰闻曙福淦璋毅菁悦瑜雅重臣鸿')
const PLACE_PARTS = Array.from('塘湾岭冲坪桥铺湖洲溪垅坳坡山田源坝港渡坊')

const seedData = loadSeedData()
const articles = seedData.articles
const blockTexts = (type: 'paragraph' | 'subhead') => articles.flatMap((article) => article.body.flatMap((block) => (block.type === type && 'text' in block && block.text ? [block.text] : [])))
const SENTENCES = blockTexts('paragraph').flatMap((text) => text.split(/(?<=[。！？!?])/).map((sentence) => sentence.trim()).filter((sentence) => sentence.length > 8))
const SUBHEADS = blockTexts('subhead')
const TITLES = articles.map((article) => article.title)
const KICKERS = articles.map((article) => article.kicker).filter((kicker): kicker is string => Boolean(kicker))
const DECKS = articles.map((article) => article.subtitle).filter((deck): deck is string => Boolean(deck))
const PEOPLE = seedData.bylines.people
const REGIONS = seedData.regions.map((region) => region.name)
const COLUMNS = seedData.columns.map((column) => column.name)
const TAGS = seedData.tags

function generatedNames(count: number, random: () => number): string[] {
  const names = new Set<string>(PEOPLE)
  while (names.size < count) names.add(pick(SURNAMES, random) + pick(GIVEN, random) + (random() < 0.7 ? pick(GIVEN, random) : ''))
  return [...names].slice(0, count)
}

function generatedColumns(count: number, random: () => number): string[] {
  const names = new Set<string>(COLUMNS)
  while (names.size < count) names.add(`${pick(REGIONS, random)}${pick(['观察', '纪事', '新语', '调查', '故事', '时评', '民生', '振兴路'], random)}`)
  return [...names].slice(0, count)
}

function generatedRegions(count: number, random: () => number): string[] {
  const names = new Set<string>(REGIONS)
  while (names.size < count) names.add(`${pick(GIVEN, random)}${pick(PLACE_PARTS, random)}镇`)
  return [...names].slice(0, count)
}

function pick<T>(values: readonly T[], random: () => number): T {
  return values[Math.floor(random() * values.length)]
}

function paragraphs(targetChars: number, random: () => number, rareName: string): GeneratedArticle['body'] {
  const body: GeneratedArticle['body'] = []
  let length = 0
  let sentences: string[] = []
  const rareAt = Math.floor(random() * 3)
  while (length < targetChars) {
    const sentence = pick(SENTENCES, random)
    sentences.push(sentence)
    length += sentence.length
    if (sentences.length >= 2 + Math.floor(random() * 3)) {
      if (body.length === rareAt) sentences.push(`${rareName}介绍，相关工作正在稳步推进。`)
      body.push({ type: 'paragraph', text: sentences.join('') })
      sentences = []
      if (targetChars > 900 && random() < 0.15) body.push({ type: 'subhead', text: pick(SUBHEADS, random) })
    }
  }
  if (sentences.length) body.push({ type: 'paragraph', text: sentences.join('') })
  if (!body.some((block) => block.text.includes(rareName))) body.push({ type: 'paragraph', text: `${rareName}表示，将继续做好这项工作。` })
  return body
}

const DATASET_SEED = 20261122

/**
 * The people, columns and places a dataset's articles name: 500, 30 and 50, drawn from their
 * own source (by default the one generateArticles uses), so the benchmark parts that create
 * them as documents create exactly the ones the articles refer to.
 */
export function generatedVocabulary(namesSeed = DATASET_SEED + 1): { names: string[]; columns: string[]; regions: string[] } {
  const random = seededRandom(namesSeed)
  const names = generatedNames(500, random)
  const columns = generatedColumns(30, random)
  return { names, columns, regions: generatedRegions(50, random) }
}

/** A generated article's body as the Lexical document the editor stores. */
export function lexicalBodyOf(article: GeneratedArticle) {
  return rootNode(article.body.map((block) => (block.type === 'subhead' ? headingNode(block.text) : paragraphNode(block.text))))
}

/** `count` articles, published one every few minutes back from `end`. */
export function* generateArticles(count: number, options: { seed?: number; end?: Date; names?: string[]; columns?: string[]; regions?: string[] } = {}): Generator<GeneratedArticle> {
  const seed = options.seed ?? DATASET_SEED
  // Names come from their own source, so an article is the same whether or not they are given.
  const vocabulary = generatedVocabulary(seed + 1)
  const names = options.names ?? vocabulary.names
  const columns = options.columns ?? vocabulary.columns
  const regions = options.regions ?? vocabulary.regions
  const random = seededRandom(seed)
  const end = (options.end ?? new Date('2026-11-22T12:00:00+08:00')).getTime()
  for (let index = 0; index < count; index += 1) {
    const brief = random() < 0.3
    const rareName = pick(SURNAMES, random) + pick(GIVEN, random) + pick(GIVEN, random) + pick(GIVEN, random)
    const region = pick(regions, random)
    const title = random() < 0.5 ? pick(TITLES, random) : `${region}：${pick(SUBHEADS, random)}`
    yield {
      index,
      kicker: !brief && random() < 0.3 ? pick(KICKERS, random) : null,
      title,
      subtitle: !brief && random() < 0.3 ? pick(DECKS, random) : null,
      summary: !brief && random() < 0.2 ? pick(SENTENCES, random) : null,
      body: paragraphs(brief ? 200 + random() * 300 : 800 + random() * 1_400, random, rareName),
      // A name drawn twice is one byline: an article never credits the same person twice.
      bylines: [...new Set(Array.from({ length: 1 + Math.floor(random() * 2) }, () => pick(names, random)))],
      column: random() < 0.25 ? pick(columns, random) : null,
      regions: [region],
      tags: random() < 0.6 ? [pick(TAGS, random)] : [],
      rareName,
      publishedAt: new Date(end - index * 5 * 60_000).toISOString(),
    }
  }
}
