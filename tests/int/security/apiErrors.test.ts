import type { Payload } from 'payload'

import { type InProcessClient, inProcessClient, signedInClient } from '../../helpers/inProcessApi'
import { STAFF_PASSWORD } from '../../helpers/newsroomUsers'
import { useTestPayload } from '../../helpers/payload'

// Request faults that Payload's REST handler used to answer with 500 "Something went wrong.",
// sent through that handler in process.
let payload: Payload
let editor: InProcessClient

useTestPayload({ staff: true }, async (booted) => {
  payload = booted.payload
  editor = await signedInClient(payload, booted.staff.editor.email, STAFF_PASSWORD)
})

const multipart = (contentType: string, rawBody: string) => ({ method: 'POST', rawBody, headers: { 'Content-Type': contentType } })
const FILE_PART = '--b\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff'

async function expectChinese4xx(client: InProcessClient, path: string, init: Parameters<InProcessClient['rest']>[1], status: number, message: RegExp) {
  const photos = (await payload.count({ collection: 'photos' })).totalDocs
  const reply = await client.rest(path, init)
  expect({ path, status: reply.status, message: reply.json?.errors?.[0]?.message }).toEqual({ path, status, message: expect.stringMatching(message) })
  expect((await payload.count({ collection: 'photos' })).totalDocs).toBe(photos)
}

describe('request faults in Payload’s REST handler', () => {
  it('answers an upload without a multipart boundary with a Chinese 400', async () => {
    await expectChinese4xx(editor, '/api/photos', multipart('multipart/form-data', 'x'), 400, /^上传数据格式错误或不完整/)
  })

  it('answers a truncated multipart upload with a Chinese 400', async () => {
    await expectChinese4xx(editor, '/api/photos', multipart('multipart/form-data; boundary=b', FILE_PART), 400, /^上传数据格式错误或不完整/)
  })

  it('answers a multipart form whose _payload is not JSON with a Chinese 400', async () => {
    const form = '--b\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"title":\r\n--b--\r\n'
    await expectChinese4xx(editor, '/api/articles?draft=true', multipart('multipart/form-data; boundary=b', form), 400, /^请求体不是有效的 JSON/)
  })

  it('answers a file name with a NUL byte or 5,000 characters with a Chinese 404 (staff, whom access lets reach the disk)', async () => {
    await expectChinese4xx(editor, '/api/photos/file/%00', {}, 404, /^没有这个文件/)
    await expectChinese4xx(editor, `/api/photos/file/${'a'.repeat(5000)}.jpg`, {}, 404, /^没有这个文件/)
    const anonymous = await inProcessClient(payload).rest('/api/photos/file/%00')
    expect(anonymous.status).toBeGreaterThanOrEqual(400)
    expect(anonymous.status).toBeLessThan(500)
  })
})
