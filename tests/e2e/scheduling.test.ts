import { formatChineseDateTime } from '@/newsroom/dates'
import { useDemoServer } from '../helpers/demoServer'
import { signInSession } from '../helpers/restClient'
import { submitAndSignOverApi } from '../helpers/demoChain'

const running = useDemoServer()

async function firstSeen(url: string, text: string, deadline: number): Promise<number | null> {
  while (Date.now() < deadline) {
    const response = await fetch(url)
    if (response.status === 200 && (await response.text()).includes(text)) return Date.now()
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  return null
}

describe('timed publishing on a running production server', () => {
  it('publishes an article scheduled one minute ahead, and readers see it within 60 seconds of the time', async () => {
    const { baseUrl } = running.server
    const editor = await signInSession(baseUrl, 'editor@newsroom.test', 'newsroom-demo')
    const { json } = await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title: '一分钟后定时发布的稿件' } })
    const { id, slug } = json.doc
    await submitAndSignOverApi(baseUrl, id, editor)
    const publishAt = new Date(Date.now() + 60_000)
    const scheduled = await editor.rest(`/api/articles/${id}/workflow`, { method: 'POST', body: { action: 'schedule', publishAt: publishAt.toISOString() } })
    expect(scheduled.json.state).toBe('scheduled')

    const articleUrl = `${baseUrl}/articles/${slug}`
    expect((await fetch(articleUrl)).status).toBe(404)
    const seenAt = await firstSeen(articleUrl, '一分钟后定时发布的稿件', publishAt.getTime() + 60_000)
    expect(seenAt).not.toBeNull()
    expect(seenAt!).toBeGreaterThanOrEqual(publishAt.getTime())
    console.log(`scheduled ${formatChineseDateTime(publishAt)}, on the reader page ${((seenAt! - publishAt.getTime()) / 1000).toFixed(1)} s later`)

    const home = await (await fetch(`${baseUrl}/`)).text()
    expect(home).toContain('一分钟后定时发布的稿件')
    const history = await editor.rest(`/api/workflow-events?where[article][equals]=${id}&where[action][equals]=publish`)
    expect(history.json.docs).toHaveLength(1)
    expect(history.json.docs[0].note).toContain('按计划')
  }, 3 * 60 * 1000)
})
