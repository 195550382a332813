import http from 'node:http'
import { Worker } from 'node:worker_threads'

import type { Session } from './restClient'

/**
 * A colleague working while hostile requests arrive: an anonymous reader asking the API for
 * the newest article and an editor saving a draft, one request after another. Each
 * request's time is kept, so a hostile request that stalls everyone shows up as a wait.
 *
 * The colleague runs in a worker thread of its own: in the test's thread, building and sending
 * a hostile 10 MB body would hold the colleague's requests back too, and the test would blame
 * the server for its own client's work.
 */
export type TimedRequest = { label: string; startedAt: number; ms: number }
export type Bystander = { stop: () => Promise<{ failures: string[]; requests: TimedRequest[] }> }

const COLLEAGUE = `
const { parentPort, workerData } = require('node:worker_threads')
const { baseUrl, token, draftId } = workerData
const requests = []
const failures = []
let running = true
const timed = async (label, send) => {
  const started = performance.timeOrigin + performance.now()
  try {
    const status = await send()
    if (status >= 400) failures.push(label + ': ' + status)
  } catch (error) {
    failures.push(label + ': ' + error.message)
  }
  requests.push({ label, startedAtEpoch: started, ms: performance.timeOrigin + performance.now() - started })
}
const editor = (path, init = {}) =>
  fetch(baseUrl + path, { ...init, headers: { Authorization: 'JWT ' + token, ...(init.body ? { 'Content-Type': 'application/json' } : {}) } })
const loop = (async () => {
  for (let n = 0; running; n += 1) {
    await timed('reader', async () => {
      const response = await fetch(baseUrl + '/api/articles?limit=1&depth=0')
      await response.arrayBuffer()
      return response.status
    })
    await timed('editor save', async () => {
      const current = await editor('/api/articles/' + draftId + '?draft=true&depth=0')
      const { updatedAt } = await current.json()
      const saved = await editor('/api/articles/' + draftId + '?draft=true', { method: 'PATCH', body: JSON.stringify({ summary: '旁观编辑第' + n + '次保存', updatedAt }) })
      await saved.arrayBuffer()
      return Math.max(current.status, saved.status)
    })
  }
})()
parentPort.once('message', async () => {
  running = false
  await loop
  parentPort.postMessage({ failures, requests })
})
`

export function startBystander(baseUrl: string, editor: Session, draftId: number | string): Bystander {
  const worker = new Worker(COLLEAGUE, { eval: true, workerData: { baseUrl, token: editor.token, draftId } })
  return {
    stop: async () => {
      const finished = new Promise<{ failures: string[]; requests: (Omit<TimedRequest, 'startedAt'> & { startedAtEpoch: number })[] }>((resolve, reject) => {
        worker.once('message', resolve)
        worker.once('error', reject)
      })
      worker.postMessage('stop')
      const { failures, requests } = await finished
      await worker.terminate()
      // Back on this thread's clock, which the test's phases are timed on.
      return { failures, requests: requests.map(({ startedAtEpoch, ...request }) => ({ ...request, startedAt: startedAtEpoch - performance.timeOrigin })) }
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
