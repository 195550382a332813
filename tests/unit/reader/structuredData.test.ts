import type { Article, Byline } from '@payload-types'
import { newsArticleJsonLd } from '@/reader/structuredData'
import { paragraphNode, rootNode } from '@/seed/lexical'

process.env.SITE_URL = 'https://news.example.cn'

const stamps = { createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z' }
const brief: Article = {
  id: 9,
  slug: 'xin-hua-she-dian',
  title: '国家统计局发布10月份居民消费价格数据',
  body: rootNode([paragraphNode('新华社北京11月9日电 国家统计局今天发布数据。')]) as unknown as Article['body'],
  publishedAt: '2026-11-09T02:00:00.000Z',
  _status: 'published',
  ...stamps,
} as Article

describe('newsArticleJsonLd', () => {
  it('names the publisher as author and gives the masthead card as image for wire copy without bylines or photos', () => {
    const data = newsArticleJsonLd(brief)
    expect(data.author).toEqual([{ '@type': 'NewsMediaOrganization', name: expect.any(String), url: 'https://news.example.cn/' }])
    expect(data.image).toEqual([{ '@type': 'ImageObject', url: 'https://news.example.cn/share.png', width: 1200, height: 630 }])
  })

  it('keeps the writers as authors where the article has them', () => {
    const zhang: Byline = { id: 21, name: '张福芳', slug: 'zhang-fu-fang', kind: 'staff', ...stamps }
    const data = newsArticleJsonLd({ ...brief, bylines: [{ byline: zhang, role: 'staffReporter' }] } as Article)
    expect(data.author).toEqual([{ '@type': 'Person', name: '张福芳', url: 'https://news.example.cn/bylines/zhang-fu-fang' }])
  })

  it('names a wire agency as the source, and as the author when no writer is named', () => {
    const data = newsArticleJsonLd({ ...brief, outlet: '新华社' })
    expect(data.sourceOrganization).toEqual({ '@type': 'NewsMediaOrganization', name: '新华社' })
    expect(data.author).toEqual([{ '@type': 'NewsMediaOrganization', name: '新华社' }])
  })

  it('gives the paper’s own copy no separate source', () => {
    const data = newsArticleJsonLd({ ...brief, outlet: '本报' })
    expect(data).not.toHaveProperty('sourceOrganization')
    expect(data.author).toEqual([{ '@type': 'NewsMediaOrganization', name: expect.any(String), url: 'https://news.example.cn/' }])
  })
})
