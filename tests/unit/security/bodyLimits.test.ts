import fs from 'node:fs'

import { config as proxyConfig } from '../../../proxy'
import { BODY_LIMITS, bodyLimitFor, bodyRefusal, formatBytes, LARGEST_BODY_LIMIT, PROXY_BODY_COPY_LIMIT } from '@/security/bodyLimits'
import { MAX_UPLOAD_BYTES } from '@/uploads/limits'

const MB = 1024 * 1024
const anonymous = (length: number, extra: Record<string, string> = {}) => new Headers({ 'content-length': String(length), 'content-type': 'application/json', ...extra })
const signedIn = (length: number, extra: Record<string, string> = {}) => anonymous(length, { cookie: 'payload-token=abc', ...extra })

describe('request body limits', () => {
  it('refuses a 200 MB anonymous JSON post with 413 and a Chinese message, from its Content-Length alone', () => {
    expect(bodyRefusal('POST', '/api/tags', anonymous(200 * MB))).toEqual({ status: 413, message: expect.stringMatching(/^请求体过大：未登录时此接口最多接受 8 KB/) })
  })

  it('gives anonymous clients a few KB on every API write except login, forgotten and reset password', () => {
    expect(bodyRefusal('POST', '/api/tags', anonymous(BODY_LIMITS.anonymous))).toBeNull()
    expect(bodyRefusal('POST', '/api/graphql', anonymous(BODY_LIMITS.anonymous + 1))).toMatchObject({ status: 413 })
    expect(bodyRefusal('PATCH', '/api/articles/1', anonymous(BODY_LIMITS.anonymous + 1))).toMatchObject({ status: 413 })
    for (const path of ['/api/users/login', '/api/users/forgot-password', '/api/users/reset-password']) {
      expect(bodyLimitFor(path, anonymous(1))).toBe('login')
      expect(bodyRefusal('POST', path, anonymous(BODY_LIMITS.login + 1))).toMatchObject({ status: 413 })
    }
  })

  it('counts a session cookie or an Authorization header as signed in', () => {
    expect(bodyLimitFor('/api/articles', signedIn(1))).toBe('json')
    expect(bodyLimitFor('/api/articles', anonymous(1, { authorization: 'JWT abc' }))).toBe('json')
    expect(bodyLimitFor('/api/articles', anonymous(1, { cookie: 'other=1; payload-token=abc' }))).toBe('json')
    expect(bodyLimitFor('/api/articles', anonymous(1, { cookie: 'not-payload-token=abc' }))).toBe('anonymous')
  })

  it('lets staff save a long article, run large GraphQL queries and import pages, each within its own limit', () => {
    expect(bodyRefusal('PATCH', '/api/articles/1', signedIn(BODY_LIMITS.json))).toBeNull()
    expect(bodyRefusal('PATCH', '/api/articles/1', signedIn(BODY_LIMITS.json + 1))).toEqual({ status: 413, message: expect.stringMatching(/^请求体过大：此接口最多接受 2 MB/) })
    expect(bodyRefusal('POST', '/api/graphql', signedIn(BODY_LIMITS.graphql + 1))).toMatchObject({ status: 413, message: expect.stringContaining('256 KB') })
    expect(bodyRefusal('POST', '/api/import', signedIn(3 * MB))).toBeNull()
  })

  it('lets a photo at the upload limit through as multipart, and only on the upload collection', () => {
    const upload = (path: string, type: string) => bodyRefusal('POST', path, signedIn(MAX_UPLOAD_BYTES + 200 * 1024, { 'content-type': type }))
    expect(upload('/api/photos', 'multipart/form-data; boundary=x')).toBeNull()
    expect(upload('/api/photos/12', 'multipart/form-data; boundary=x')).toBeNull()
    expect(upload('/api/photos', 'application/json')).toMatchObject({ status: 413 })
    expect(upload('/api/articles', 'multipart/form-data; boundary=x')).toMatchObject({ status: 413 })
    expect(bodyRefusal('POST', '/api/photos', signedIn(BODY_LIMITS.upload + 1, { 'content-type': 'multipart/form-data; boundary=x' }))).toMatchObject({ status: 413 })
  })

  it('refuses an API write of unknown length (chunked) with 411, and leaves bodiless requests and pages alone', () => {
    expect(bodyRefusal('POST', '/api/tags', new Headers({ 'transfer-encoding': 'chunked', cookie: 'payload-token=abc' }))).toEqual({ status: 411, message: expect.stringMatching(/Content-Length/) })
    expect(bodyRefusal('POST', '/api/users/logout', new Headers())).toBeNull()
    expect(bodyRefusal('GET', '/api/articles', anonymous(200 * MB))).toBeNull()
    expect(bodyRefusal('POST', '/search', anonymous(200 * MB))).toBeNull()
  })

  it('refuses a Content-Length that is not a number', () => {
    expect(bodyRefusal('POST', '/api/tags', new Headers({ 'content-length': '12, 12', cookie: 'payload-token=abc' }))).toMatchObject({ status: 413 })
  })
})

describe('the limits elsewhere', () => {
  it('Varnish refuses bodies over the largest route limit, the same number', () => {
    const vcl = fs.readFileSync('deploy/varnish/default.vcl', 'utf8')
    expect(vcl).toMatch(new RegExp(`std\\.integer\\(req\\.http\\.Content-Length, 0\\) > ${LARGEST_BODY_LIMIT}\\b`))
    expect(vcl).toContain(`请求体过大：最多接受 ${formatBytes(LARGEST_BODY_LIMIT)}`)
  })

  it('proxy.ts matches no API path, since Next.js reads a matched request’s whole body before the proxy can refuse it', () => {
    expect(proxyConfig.matcher.filter((pattern) => pattern.startsWith('/api'))).toEqual([])
  })

  it('proxy.ts refuses any body Next.js would cut off before handing it to a reader page', () => {
    for (const path of proxyConfig.matcher.map((pattern) => pattern.replace(':path*', 'x'))) {
      expect([path, bodyRefusal('POST', path, anonymous(PROXY_BODY_COPY_LIMIT + 1), PROXY_BODY_COPY_LIMIT)?.status]).toEqual([path, 413])
      expect([path, bodyRefusal('POST', path, anonymous(PROXY_BODY_COPY_LIMIT), PROXY_BODY_COPY_LIMIT)]).toEqual([path, null])
    }
  })
})
