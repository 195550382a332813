import type { Payload } from 'payload'

import { type InProcessClient, signedInClient } from '../../../../helpers/inProcessApi'
import { type Staff, STAFF_PASSWORD } from '../../../../helpers/newsroomUsers'
import { useTestPayload } from '../../../../helpers/payload'

let payload: Payload
let staff: Staff
let journalist: InProcessClient

useTestPayload({ staff: true }, async (booted) => {
  ;({ payload, staff } = booted)
  journalist = await signedInClient(payload, staff.journalist.email, STAFF_PASSWORD)
})

const stored = (id: number | string) => payload.findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: true })

describe('the 副题 as a journalist types it', () => {
  it('stores a typed “——记者手记” without the dash the site adds', async () => {
    const created = await journalist.rest('/api/articles?draft=true', { method: 'POST', body: { title: '副题破折号', subtitle: '——记者手记' } })
    expect(created.status).toBe(201)
    const id = created.json.doc.id
    await expect(stored(id)).resolves.toMatchObject({ subtitle: '记者手记' })

    const saved = await journalist.rest(`/api/articles/${id}?draft=true`, {
      method: 'PATCH',
      body: { subtitle: '-- 郴州市盘活国有“三资”的探索实践', updatedAt: (await stored(id)).updatedAt },
    })
    expect(saved.status).toBe(200)
    await expect(stored(id)).resolves.toMatchObject({ subtitle: '郴州市盘活国有“三资”的探索实践' })
  })
})
