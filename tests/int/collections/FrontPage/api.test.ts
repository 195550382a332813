import type { Payload } from 'payload'

import { inProcessClient, signedInClient } from '../../../helpers/inProcessApi'
import { type Staff, STAFF_PASSWORD } from '../../../helpers/newsroomUsers'
import { useTestPayload } from '../../../helpers/payload'
import { publishThroughChain } from '../../../helpers/workflow'

let payload: Payload
let staff: Staff
let articleId: number | string

useTestPayload({ staff: true }, async (booted) => {
  ;({ payload, staff } = booted)
  const article = await payload.create({ collection: 'articles', data: { title: '版面稿件', slug: 'layout-piece' } as never, draft: true })
  articleId = (await publishThroughChain(payload, staff, article.id)).id
})

describe('首页版面 over REST', () => {
  it('saves an editor’s draft and publishes it, picks and blocks included', async () => {
    const editor = await signedInClient(payload, staff.editor.email, STAFF_PASSWORD)
    const layout = { lead: articleId, pinned: [articleId], sections: [{ blockType: 'mostReadBlock' }] }
    expect((await editor.rest('/api/globals/front-page?draft=true', { method: 'POST', body: layout })).status).toBe(200)
    expect((await editor.rest('/api/globals/front-page', { method: 'POST', body: { ...layout, _status: 'published' } })).status).toBe(200)
    expect((await inProcessClient(payload).rest('/api/globals/front-page?depth=0')).json.lead).toBe(articleId)
  })

  it.each([
    ['a draft', true],
    ['a publication', false],
  ])('refuses %s naming an article that does not exist with a 400 saying which, keeping the published layout', async (_what, draft) => {
    const editor = await signedInClient(payload, staff.editor.email, STAFF_PASSWORD)
    const reply = await editor.rest(`/api/globals/front-page${draft ? '?draft=true' : ''}`, { method: 'POST', body: { lead: 987654, _status: draft ? 'draft' : 'published' } })
    expect(reply.status).toBe(400)
    expect(JSON.stringify(reply.json)).toContain('lead')
    expect((await inProcessClient(payload).rest('/api/globals/front-page?depth=0')).json.lead).toBe(articleId)
  })

  it('refuses a malformed block with a 400, not a server error', async () => {
    const editor = await signedInClient(payload, staff.editor.email, STAFF_PASSWORD)
    const reply = await editor.rest('/api/globals/front-page?draft=true', { method: 'POST', body: { sections: [{ blockType: 'channelBlock', channel: 'not-an-id', count: 'many' }] } })
    expect(reply.status).toBe(400)
  })
})
