import http from 'node:http'

import type { Session } from './restClient'

/**
 * A colleague working while hostile requests arrive: an anonymous reader asking the API for
 * the newest article and an editor saving a draft, one request after another. Each
 * request's time is kept, so a hostile request that stalls everyone shows up as a wait.
 */
export type TimedRequest = { label: string; startedAt: number; ms: number }
export type Bystander = { stop: () => Promise<{ failures: string[]; requests: TimedRequest[] }> }

export function startBystander(baseUrl: string, editor: Session, draftId: number | string): Bystander {
  const requests: TimedRequest[] = []
  const failures: string[] = []
  let running = true
  const timed = async (label: string, send: () => Promise<number>) => {
    const started = performance.now()
    try {
      const status = await send()
      if (status >= 400) failures.push(`${label}: ${status}`)
    } catch (error) {
      failures.push(`${label}: ${(error as Error).message}`)
    }
    requests.push({ label, startedAt: started, ms: performance.now() - started })
  }
  const loop = (async () => {
    for (let n = 0; running; n += 1) {
      await timed('reader', async () => (await fetch(`${baseUrl}/api/articles?limit=1&depth=0`)).status)
      await timed('editor save', async () => {
        const current = await editor.rest(`/api/articles/${draftId}?draft=true&depth=0`)
        const saved = await editor.rest(`/api/articles/${draftId}?draft=true`, { method: 'PATCH', body: { summary: `旁观编辑第${n}次保存`, updatedAt: current.json.updatedAt } })
        return Math.max(current.status, saved.status)
      })
    }
  })()
  return {
    stop: async () => {
      running = false
      await loop
      return { failures, requests }
    },
  }
}

/**
 * Announces a body of `declaredBytes` and sends it slowly, as an attacker would, until the
 * server answers or drops the connection; the answer tells whether it refused before reading.
 */
export function postOversizedBody(baseUrl: string, path: string, declaredBytes: number, contentType = 'application/json'): Promise<{ status: number | 'reset'; sentBytes: number }> {
  const url = new URL(path, baseUrl)
  return new Promise((resolve) => {
    const opening = '{"name":"'
    let sentBytes = opening.length
    let settled = false
    const finish = (status: number | 'reset') => {
      if (settled) return
      settled = true
      request.destroy()
      resolve({ status, sentBytes })
    }
    const request = http.request(url, { method: 'POST', headers: { 'Content-Type': contentType, 'Content-Length': String(declaredBytes) } }, (response) => {
      response.resume()
      finish(response.statusCode ?? 0)
    })
    request.on('error', () => finish('reset'))
    const chunk = Buffer.alloc(64 * 1024, 'a')
    const pump = () => {
      while (!settled && sentBytes < declaredBytes) {
        const part = chunk.subarray(0, Math.min(chunk.length, declaredBytes - sentBytes))
        sentBytes += part.length
        if (!request.write(part)) return void request.once('drain', pump)
      }
      if (!settled) request.end()
    }
    request.write(opening)
    pump()
  })
}
