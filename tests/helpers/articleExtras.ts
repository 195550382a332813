import { publishOverApi } from './demoChain'
import { type Session, signInSession } from './restClient'

/**
 * Two published articles for the article-page suites, sharing a tag so each is the other's
 * related reading: a staff story with a lead photo and byline, and a 新华社 wire brief with
 * neither (no byline, no photo), the two shapes structured data and the page must both serve.
 */
export type ArticlePair = { photoStory: { id: number; slug: string }; wireBrief: { id: number; slug: string } }

const paragraph = (text: string) => ({
  type: 'paragraph',
  version: 1,
  direction: 'ltr',
  format: '',
  indent: 0,
  textFormat: 0,
  children: [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }],
})
const body = (...texts: string[]) => ({ root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children: texts.map(paragraph) } })

async function created(editor: Session, data: Record<string, unknown>): Promise<{ id: number; slug: string }> {
  const reply = await editor.rest('/api/articles?draft=true', { method: 'POST', body: data })
  if (reply.status !== 201) throw new Error(`create ${String(data.slug)}: ${reply.status} ${reply.text}`)
  return { id: reply.json.doc.id, slug: reply.json.doc.slug }
}

export async function publishArticlePair(baseUrl: string, key: string): Promise<ArticlePair> {
  const editor = await signInSession(baseUrl, 'editor@newsroom.test', 'newsroom-demo')
  const { json: photos } = await editor.rest('/api/photos?limit=1&depth=0&sort=id')
  const { json: tag } = await editor.rest('/api/tags', { method: 'POST', body: { name: `版面测试${key}`, slug: `page-test-${key}` } })
  const photoStory = await created(editor, {
    title: '湘江两岸冬修水利全面铺开',
    slug: `photo-story-${key}`,
    leadPhoto: photos.docs[0].id,
    tags: [tag.doc.id],
    body: body('本报讯　记者今天从省水利厅获悉，全省冬修水利全面铺开。', '各地抓住晴好天气加快施工进度，确保明年春耕用水。'),
  })
  await publishOverApi(baseUrl, photoStory.id)
  const wireBrief = await created(editor, {
    title: '国家统计局发布11月份居民消费价格数据',
    slug: `wire-brief-${key}`,
    outlet: '新华社',
    bylines: [],
    tags: [tag.doc.id],
    body: body('新华社北京12月5日电　国家统计局今天发布数据，11月份全国居民消费价格同比上涨。'),
  })
  await publishOverApi(baseUrl, wireBrief.id)
  return { photoStory, wireBrief }
}
