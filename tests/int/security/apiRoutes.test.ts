import { REST_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'

import { guardedRestRoute } from '@/security/apiRoutes'
import { BODY_LIMITS } from '@/security/bodyLimits'
import { type InProcessClient, signedInClient } from '../../helpers/inProcessApi'
import { inProcessRoutes } from '../../helpers/inProcessRoutes'
import { STAFF_PASSWORD } from '../../helpers/newsroomUsers'
import { useTestPayload } from '../../helpers/payload'

// The wrappers app/(payload)/api/[...slug]/route.ts puts around Payload's REST handlers.
let payload: Payload
let anonymous: InProcessClient
let editor: InProcessClient

useTestPayload({ staff: true }, async (booted) => {
  payload = booted.payload
  anonymous = inProcessRoutes(payload)
  editor = inProcessRoutes(payload, (await signedInClient(payload, booted.staff.editor.email, STAFF_PASSWORD)).token)
})

/** A body that records whether anything asked for its bytes. */
function untouchedBody(bytes: number) {
  const read = { chunks: 0 }
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        read.chunks += 1
        controller.enqueue(new Uint8Array(64 * 1024))
        if (read.chunks * 64 * 1024 >= bytes) controller.close()
      },
    },
    { highWaterMark: 0 },
  )
  return { stream, read }
}

const message = (reply: { json: any }) => reply.json?.errors?.[0]?.message as string | undefined

describe('the REST route wrapper', () => {
  it('refuses a 200 MB anonymous JSON post with a Chinese 413 without reading its body', async () => {
    const bytes = 200 * 1024 * 1024
    const { stream, read } = untouchedBody(bytes)
    const request = new Request('http://localhost:3000/api/tags', { method: 'POST', body: stream, duplex: 'half', headers: { 'Content-Type': 'application/json', 'Content-Length': String(bytes) } } as RequestInit)
    const response = await guardedRestRoute(REST_POST(payload.config))(request, { params: Promise.resolve({ slug: ['tags'] }) })
    expect(response.status).toBe(413)
    expect(((await response.json()) as { errors: { message: string }[] }).errors[0]?.message).toMatch(/^请求体过大：未登录时此接口最多接受 8 KB/)
    expect(read.chunks).toBe(0)
  })

  it('refuses an editor’s body over the write limit, and one of unknown length (chunked) with 411', async () => {
    const tooLong = await editor.rest('/api/tags', { method: 'POST', body: { name: 'x'.repeat(BODY_LIMITS.json) } })
    expect({ status: tooLong.status, message: message(tooLong) }).toEqual({ status: 413, message: expect.stringMatching(/^请求体过大：此接口最多接受 2 MB/) })
    const chunked = await editor.rest('/api/tags', { method: 'POST', rawBody: '{}', headers: { 'Transfer-Encoding': 'chunked' } })
    expect(chunked.status).toBe(411)
  })

  it('holds a body over a reader’s limit to the reader’s limit when its session cookie or token is forged, before reading it', async () => {
    const body = { name: 'x'.repeat(2 * BODY_LIMITS.anonymous) }
    const forgeries: Record<string, string>[] = [{ Cookie: 'payload-token=forged' }, { Authorization: 'JWT forged.token.value' }]
    for (const headers of forgeries) {
      const reply = await anonymous.rest('/api/tags', { method: 'POST', body, headers })
      expect({ status: reply.status, message: message(reply) }).toEqual({ status: 413, message: expect.stringMatching(/^请求体过大：未登录时此接口最多接受 8 KB/) })
    }
    const signedIn = await editor.rest('/api/tags', { method: 'POST', body })
    expect(signedIn.status).not.toBe(413)
  })

  it('lets an ordinary save through', async () => {
    expect((await editor.rest('/api/tags', { method: 'POST', body: { name: '路由包装测试' } })).status).toBe(201)
  })

  it('answers an unknown API route with a Chinese 404', async () => {
    for (const client of [anonymous, editor]) {
      for (const method of ['GET', 'POST']) {
        const reply = await client.rest('/api/no-such-route', { method, ...(method === 'POST' ? { body: {} } : {}) })
        expect({ status: reply.status, message: message(reply) }).toEqual({ status: 404, message: '没有这个接口：/api/no-such-route（no such API route）' })
      }
    }
  })

  it('answers a request for a file that does not exist with a Chinese 404, not Payload’s 500', async () => {
    const reply = await editor.rest('/api/photos/file/no-such-photo.jpg')
    expect({ status: reply.status, message: message(reply) }).toEqual({ status: 404, message: '没有这个文件（file not found）' })
  })

  it('answers broken JSON in a method-override query (read before Payload’s error handling) with a Chinese 400', async () => {
    const reply = await editor.rest('/api/articles', { method: 'POST', rawBody: '{"where":', headers: { 'X-Payload-HTTP-Method-Override': 'GET' } })
    expect({ status: reply.status, message: message(reply) }).toEqual({ status: 400, message: expect.stringMatching(/^请求体不是有效的 JSON/) })
  })
})
