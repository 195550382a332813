import type { Payload } from 'payload'

import { readSeedPage } from '@/seed/data'
import { inProcessClient, type InProcessClient, signedInClient } from '../../../helpers/inProcessApi'
import { inProcessGraphql } from '../../../helpers/inProcessGraphql'
import { type Staff, STAFF_PASSWORD } from '../../../helpers/newsroomUsers'
import { useTestPayload } from '../../../helpers/payload'

let payload: Payload
let staff: Staff
let editor: InProcessClient
let recordId: number

// A byline line at the top of the page that no article can take: the text the record keeps.
const PAGE = `(李娜)\n\n${readSeedPage('001')}\n\n（导入记录测试）`

useTestPayload({ staff: true }, async (booted) => {
  ;({ payload, staff } = booted)
  editor = await signedInClient(payload, staff.editor.email, STAFF_PASSWORD)
  const reply = await editor.rest('/api/import', {
    method: 'POST',
    body: { files: [{ name: 'county.txt', content: Buffer.from(PAGE).toString('base64'), edition: { date: '2025-11-13', pageNumber: 6, pageName: '县域新闻' } }] },
  })
  expect(reply.status).toBe(200)
  recordId = reply.json.files[0].record
})

describe('page imports (导入记录)', () => {
  it('keep the text no draft took, with the drafts and edition of the page', async () => {
    const record = await payload.findByID({ collection: 'page-imports', id: recordId, depth: 0, overrideAccess: true })
    expect(record).toMatchObject({ fileName: 'county.txt', format: 'text', pageNumber: 6, pageName: '县域新闻', unassignedOpen: 1 })
    expect(record.unassigned?.map((block) => block.text)).toEqual(['(李娜)'])
    expect(record.articles).toHaveLength(6)
  })

  it('are kept from readers over REST and GraphQL, and from journalists', async () => {
    expect((await inProcessClient(payload).rest(`/api/page-imports/${recordId}`)).status).toBe(403)
    expect((await inProcessClient(payload).rest('/api/page-imports')).status).toBe(403)
    const graph = await inProcessGraphql()('{ PageImports { docs { id fileName unassigned { text } } } }')
    expect(graph.data?.PageImports ?? null).toBeNull()
    const journalist = await signedInClient(payload, staff.journalist.email, STAFF_PASSWORD)
    expect((await journalist.rest(`/api/page-imports/${recordId}`)).status).toBe(403)
  })

  it('let an editor tick text off as placed, and nothing else of what the importer recorded', async () => {
    const record = await payload.findByID({ collection: 'page-imports', id: recordId, depth: 0, overrideAccess: true })
    const rows = record.unassigned!.map((block) => ({ id: block.id, text: '改写的文字', assigned: true }))
    const reply = await editor.rest(`/api/page-imports/${recordId}?depth=0`, { method: 'PATCH', body: { fileName: '改名.txt', pageNumber: 99, unassigned: rows } })
    expect(reply.status).toBe(200)
    const after = await payload.findByID({ collection: 'page-imports', id: recordId, depth: 0, overrideAccess: true })
    expect(after).toMatchObject({ fileName: 'county.txt', pageNumber: 6, unassignedOpen: 0 })
    expect(after.unassigned?.map((block) => [block.text, block.assigned])).toEqual([['(李娜)', true]])
  })

  it('may be created by no one but the importer', async () => {
    const reply = await editor.rest('/api/page-imports', { method: 'POST', body: { fileName: 'x.txt', pageKey: 'x', format: 'text' } })
    expect(reply.status).toBe(403)
  })
})
