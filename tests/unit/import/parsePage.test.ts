import { splitBlocks } from '@/import/blocks'
import { parsePage } from '@/import/parsePage'
import type { ImportedArticle, PageParse } from '@/import/types'
import { loadSeedData, readSeedPage } from '@/seed/data'
import type { SeedArticle } from '@/seed/types'

/**
 * The seeds' hand-made structure (src/seed/data/articles.json, read article by article off
 * the two pages) is the expected answer. Fields the page makes certain are scored as
 * precision/recall and must be perfect; placeholder headlines of fragments are not certain.
 */
type Field = 'column' | 'title' | 'subtitle' | 'bylines' | 'photoCredits' | 'flagged'

const expectedColumnOf = (article: SeedArticle) => {
  if (!article.column) return null
  const installment = article.installment ?? {}
  const mark = installment.number && !installment.partName ? String.fromCodePoint(0x2460 + installment.number - 1) : null
  const part = installment.partName ? `${installment.subSeries ? `${installment.subSeries}·` : ''}${installment.partName}${installment.number ? `(${['一', '二', '三', '四', '五'][installment.number - 1]})` : ''}` : null
  return `${article.column}|${mark || part}`
}

const seedPhotos = new Map(loadSeedData().photos.map((photo) => [photo.key, photo.credit]))

function expectedFacts(article: SeedArticle): Record<Field, string | null> {
  const photoKeys = [article.leadPhoto, ...article.body.flatMap((block) => (block.type === 'photo' ? [block.photo] : []))].filter((key): key is string => Boolean(key))
  return {
    column: expectedColumnOf(article),
    title: article.titleIsPlaceholder ? null : article.title,
    subtitle: article.subtitle,
    bylines: article.bylines.map((byline) => `${byline.name}/${byline.role}`).join(' '),
    photoCredits: photoKeys.map((key) => `${seedPhotos.get(key)?.name}/${seedPhotos.get(key)?.kind}`).join(' ') || null,
    flagged: String((article.reviewFlags ?? []).some((flag) => flag.kind === 'interleaved' || flag.kind === 'fragment') || undefined),
  }
}

function parsedFacts(article: ImportedArticle, expected: Record<Field, string | null>): Record<Field, string | null> {
  return {
    column: article.column ? `${article.column.name}|${article.column.installment}` : null,
    title: expected.title === null ? null : article.title,
    subtitle: article.subtitle,
    bylines: article.bylines.map((byline) => `${byline.name}/${byline.role}`).join(' '),
    photoCredits: article.photos.map((photo) => `${photo.credit}/${photo.creditKind}`).join(' ') || null,
    // Interleaved and fragment articles must be flagged; others may carry other warnings.
    flagged: expected.flagged === 'true' ? String(article.needsReview && article.warnings.some((warning) => /交错|片段/.test(warning))) : expected.flagged,
  }
}

/** The parsed article for an expected one: same bylines (every seed article has distinct ones). */
const counterpart = (parse: PageParse, article: SeedArticle) => parse.articles.find((candidate) => candidate.bylines.map((byline) => byline.name).join(' ') === article.bylines.map((byline) => byline.name).join(' '))

describe.each(['000', '001'] as const)('seed page %s', (page) => {
  const parse = parsePage(readSeedPage(page))
  const expected = loadSeedData().articles.filter((article) => article.page === page)

  it('finds every article the page holds, and no other', () => {
    expect(parse.articles).toHaveLength(expected.length)
    for (const article of expected) expect([article.key, counterpart(parse, article) !== undefined]).toEqual([article.key, true])
  })

  it('gets every certain field right: precision and recall 100% per field', () => {
    const fields: Field[] = ['column', 'title', 'subtitle', 'bylines', 'photoCredits', 'flagged']
    const scores: Record<string, { precision: number; recall: number }> = {}
    for (const field of fields) {
      let truePositives = 0
      let predicted = 0
      let actual = 0
      for (const article of expected) {
        const want = expectedFacts(article)[field]
        const found = counterpart(parse, article)
        const got = found ? parsedFacts(found, expectedFacts(article))[field] : null
        if (want !== null && want !== 'undefined') actual += 1
        if (got !== null && got !== 'undefined' && got !== 'false') predicted += 1
        if (want !== null && want !== 'undefined' && got === want) truePositives += 1
      }
      scores[field] = { precision: predicted ? truePositives / predicted : 1, recall: actual ? truePositives / actual : 1 }
    }
    for (const field of fields) expect([field, scores[field]]).toEqual([field, { precision: 1, recall: 1 }])
  })

  it('marks the uncertain for an editor and never drops a block of the page', () => {
    const blocks = splitBlocks(readSeedPage(page))
    const kept = [...parse.articles.flatMap((article) => article.source), ...parse.unassigned, ...parse.edition.source]
    expect([...kept].sort()).toEqual([...blocks].sort())
    for (const article of parse.articles.filter((candidate) => candidate.titleIsPlaceholder)) expect(article.needsReview).toBe(true)
  })
})

describe('the seed pages’ other certain details', () => {
  const city = parsePage(readSeedPage('000'))
  const county = parsePage(readSeedPage('001'))
  const byTitle = (parse: PageParse, title: string) => parse.articles.find((article) => article.title === title)!

  it('rejoins words split by a column break where certain, and flags the interleaved briefs', () => {
    const shaoyang = byTitle(city, '破局提质谋发展 商务赋能启新程')
    expect(shaoyang.paragraphs.some((paragraph) => paragraph.includes('4个县(市)获此殊荣'))).toBe(true)
    expect(shaoyang.paragraphs.some((paragraph) => paragraph.includes('‘市级统筹、县市区联动'))).toBe(true)
    const ningyuan = byTitle(county, '宁远县:“三管齐下”,构建商贸流通领域“防毒墙”')
    expect(ningyuan.paragraphs.some((paragraph) => paragraph.includes('图片资料、仿真毒品样品'))).toBe(true)
    expect(ningyuan.bylinePosition).toBe('trailing')
    expect(ningyuan.regions).toContain('宁远县')
  })

  it('takes the 新化篇 headline printed in its body, with a warning, and its preface, boxes, subheads and credited photo', () => {
    const xinhua = byTitle(county, '打造县域经济强劲引擎')
    expect(xinhua.subtitle).toBe('新化县抓实体经济推动产业高质量发展纪实')
    expect(xinhua.warnings.some((warning) => warning.includes('印在正文中间'))).toBe(true)
    expect(xinhua.installment).toEqual({ number: 1, partName: '新化篇', subSeries: null })
    expect(xinhua.body.filter((block) => block.type === 'box').map((block) => (block.type === 'box' ? block.label : ''))).toEqual(['数说新化', '奋斗历程', '启航开拓'])
    expect(xinhua.body.find((block) => block.type === 'note')).toMatchObject({ kind: 'preface' })
    expect(xinhua.subheads).toContain('强筋健骨 实体经济“百花齐放”')
    expect(xinhua.photos).toEqual([{ caption: '新化高新区新能源新材料产业园。', credit: '新化县委宣传部', creditKind: 'courtesy' }])
  })

  it('normalises padded names and reads the caption credit of a photographer', () => {
    expect(byTitle(city, '唤醒沉睡资产 筑牢保障底线').bylines.map((byline) => byline.name)).toEqual(['陈淦璋', '张毅', '黄福林'])
    const tianxin = byTitle(city, '党建引领，“红色引擎”激发多元共治新活力')
    expect(tianxin.photos[0]).toEqual({ caption: '2006年建成的文源街道金汇社区申奥美域小区成为了“物业善治”的生动典范。', credit: '张福芳', creditKind: 'photographer' })
    expect(tianxin.column).toEqual({ name: '善治天心', installment: '②' })
    expect(tianxin.installment?.number).toBe(2)
  })
})
