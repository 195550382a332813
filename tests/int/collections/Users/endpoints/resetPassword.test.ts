import { performance } from 'node:perf_hooks'

import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { type ParsedMail, simpleParser } from 'mailparser'
import type { Payload } from 'payload'
import { SMTPServer } from 'smtp-server'

import { type InProcessClient, inProcessClient, refusedPaths, signedInClient } from '../../../../helpers/inProcessApi'
import { STAFF_PASSWORD } from '../../../../helpers/newsroomUsers'
import { useTestPayload } from '../../../../helpers/payload'

/**
 * Password reset against a real SMTP server on loopback: the e-mail is sent by the app's
 * nodemailer transport and received, authenticated and parsed here like a mail server would.
 */
const ADMIN_ORIGIN = 'https://cms.paper.example'
const SMTP_LOGIN = { user: 'newsroom-cms', pass: 'smtp-test-password' }
const PROMPT_MS = 1_000

type Delivered = { mail: ParsedMail; at: number }
const inbox: Delivered[] = []
let smtpDelayMs = 0

const smtp = new SMTPServer({
  logger: false,
  disabledCommands: ['STARTTLS'],
  allowInsecureAuth: true,
  onAuth: (auth, _session, callback) =>
    auth.username === SMTP_LOGIN.user && auth.password === SMTP_LOGIN.pass ? callback(null, { user: auth.username }) : callback(new Error('535 认证失败')),
  onData: (stream, _session, callback) => {
    simpleParser(stream).then(
      (mail) =>
        setTimeout(() => {
          inbox.push({ mail, at: performance.now() })
          callback()
        }, smtpDelayMs),
      (error: Error) => callback(error),
    )
  },
})

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  const { port } = smtp.server.address() as { port: number }
  Object.assign(process.env, {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(port),
    SMTP_USER: SMTP_LOGIN.user,
    SMTP_PASS: SMTP_LOGIN.pass,
    SMTP_FROM: '本报采编系统 <cms@paper.example>',
    NEXT_PUBLIC_SERVER_URL: ADMIN_ORIGIN,
  })
})

let payload: Payload
let editor: InProcessClient
let draftId: number | string
const anonymous = () => inProcessClient(payload)

useTestPayload({ staff: true }, async (booted) => {
  payload = booted.payload
  editor = await signedInClient(payload, booted.staff.editor.email, STAFF_PASSWORD)
  const draft = await payload.create({ collection: 'articles', draft: true, data: { title: '找回密码时编辑的稿件' } as never, overrideAccess: true, user: { ...booted.staff.editor, collection: 'users' } })
  draftId = draft.id
})

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
})

afterEach(() => {
  smtpDelayMs = 0
})

const mailTo = (address: string) => inbox.filter(({ mail }) => mail.to && !Array.isArray(mail.to) && mail.to.value.some((to) => to.address === address))

async function nextMailTo(address: string, already = mailTo(address).length, timeoutMs = 15_000): Promise<Delivered> {
  const deadline = performance.now() + timeoutMs
  while (performance.now() < deadline) {
    const delivered = mailTo(address)
    if (delivered.length > already) return delivered[already]
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`no e-mail reached ${address} within ${timeoutMs} ms`)
}

const RESET_LINK = new RegExp(`${ADMIN_ORIGIN.replace(/[.]/g, '\\.')}/admin/reset/([0-9a-f]{40})`)
const tokenIn = (mail: ParsedMail): string => {
  const match = RESET_LINK.exec(mail.text ?? '')
  if (!match) throw new Error(`no reset link in: ${mail.text}`)
  return match[1]
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now()
  const result = await work()
  return { result, ms: performance.now() - started }
}

const forgotOverRest = (email: string, headers?: Record<string, string>) => anonymous().rest('/api/users/forgot-password', { method: 'POST', body: { email }, headers })

async function graphql(query: string) {
  const request = new Request('http://localhost:3000/api/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query }) })
  const response = await GRAPHQL_POST(Promise.resolve(payload.config))(request)
  return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] } }
}

const resetWith = (token: string, password: string) => anonymous().rest('/api/users/reset-password', { method: 'POST', body: { token, password } })
const login = (email: string, password: string) => anonymous().rest('/api/users/login', { method: 'POST', body: { email, password } })

describe('forgot password', () => {
  it('answers at once and the same whether or not the address has an account', async () => {
    const known = await timed(() => forgotOverRest('journalist@test.local'))
    const unknown = await timed(() => forgotOverRest('nobody-here@test.local'))
    expect([known.result.status, unknown.result.status]).toEqual([200, 200])
    expect(known.result.json).toEqual(unknown.result.json)
    expect(known.ms).toBeLessThan(PROMPT_MS)
    expect(unknown.ms).toBeLessThan(PROMPT_MS)
    await nextMailTo('journalist@test.local', 0)
    expect(mailTo('nobody-here@test.local')).toEqual([])
  }, 20_000)

  it('e-mails, in Chinese, a link to the admin’s reset page on the configured origin, whatever host the request names', async () => {
    const before = mailTo('editor@test.local').length
    const reply = await forgotOverRest('Editor@Test.local ', { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example', Origin: 'https://evil.example' })
    expect(reply.status).toBe(200)
    const { mail } = await nextMailTo('editor@test.local', before)
    expect(mail.subject).toMatch(/重设.*密码/)
    expect(mail.from?.value).toEqual([{ address: 'cms@paper.example', name: '本报采编系统' }])
    expect(mail.text).toContain('编辑')
    expect(mail.text).toMatch(/1 小时/)
    expect(tokenIn(mail)).toMatch(/^[0-9a-f]{40}$/)
    expect(`${mail.text}\n${mail.html}`).not.toContain('evil.example')
    expect(mail.html).toContain(`href="${ADMIN_ORIGIN}/admin/reset/${tokenIn(mail)}"`)
  }, 20_000)

  it('resets the password with the e-mailed token; the new password signs in and the token is spent', async () => {
    const before = mailTo('other@test.local').length
    await forgotOverRest('other@test.local')
    const token = tokenIn((await nextMailTo('other@test.local', before)).mail)
    const reset = await resetWith(token, 'a-fresh-reset-passphrase')
    expect(reset.status).toBe(200)
    expect((await login('other@test.local', 'a-fresh-reset-passphrase')).status).toBe(200)
    const spent = await resetWith(token, 'yet-another-passphrase-9')
    expect(spent.status).toBe(403)
    expect(spent.json.errors[0].message).toMatch(/无效或已过期.*token/)
  }, 20_000)

  it('refuses a reset without a token with a 400 naming the token', async () => {
    const reply = await anonymous().rest('/api/users/reset-password', { method: 'POST', body: { password: 'a-sound-passphrase-2026' } })
    expect(reply.status).toBe(400)
    expect(refusedPaths(reply.json)).toEqual(['token'])
  })

  it('refuses a weak password in GraphQL’s resetPasswordUser, naming the field, and the e-mailed token still works', async () => {
    await payload.create({ collection: 'users', data: { email: 'weak-graphql@test.local', name: '弱密码', roles: ['journalist'], password: STAFF_PASSWORD } })
    await forgotOverRest('weak-graphql@test.local')
    const token = tokenIn((await nextMailTo('weak-graphql@test.local', 0)).mail)
    const weak = await graphql(`mutation { resetPasswordUser(token: "${token}", password: "12345") { token } }`)
    expect(weak.body.data?.resetPasswordUser ?? null).toBeNull()
    expect(weak.body.errors?.[0]).toMatchObject({ extensions: { statusCode: 400, data: { errors: [{ path: 'password', message: expect.stringMatching(/密码至少需要/) }] } } })
    expect((await resetWith(token, 'a-strong-replacement-26')).status).toBe(200)
  }, 20_000)

  it('keeps an editor’s save prompt while the mail server takes seconds to accept a reset e-mail', async () => {
    smtpDelayMs = 4_000
    const before = mailTo('admin@test.local').length
    const forgot = await timed(() => forgotOverRest('admin@test.local'))
    expect(forgot.result.status).toBe(200)
    expect(forgot.ms).toBeLessThan(PROMPT_MS)

    const { updatedAt } = (await editor.rest(`/api/articles/${draftId}?draft=true&depth=0`)).json
    const save = await timed(() => editor.rest(`/api/articles/${draftId}?draft=true`, { method: 'PATCH', body: { title: '邮件慢的时候照样保存', updatedAt } }))
    const savedAt = performance.now()
    expect(save.result.status).toBe(200)
    expect(save.ms).toBeLessThan(PROMPT_MS)

    const delivered = await nextMailTo('admin@test.local', before)
    expect(delivered.at).toBeGreaterThan(savedAt)
    expect((await resetWith(tokenIn(delivered.mail), 'admin-after-slow-mail-2026')).status).toBe(200)
  }, 30_000)

  it('sends the same e-mail, with a working token, for GraphQL’s forgotPasswordUser', async () => {
    const { id } = (await payload.create({ collection: 'users', data: { email: 'graphql-reset@test.local', name: '图谱', roles: ['journalist'], password: STAFF_PASSWORD } })) as { id: number | string }
    expect(id).toBeDefined()
    const asked = await timed(() => graphql('mutation { forgotPasswordUser(email: "graphql-reset@test.local") }'))
    expect(asked.result.body).toEqual({ data: { forgotPasswordUser: true } })
    expect(asked.ms).toBeLessThan(PROMPT_MS)
    const unknown = await graphql('mutation { forgotPasswordUser(email: "nobody-graphql@test.local") }')
    expect(unknown.body).toEqual({ data: { forgotPasswordUser: true } })

    const { mail } = await nextMailTo('graphql-reset@test.local', 0)
    expect(mail.subject).toMatch(/重设.*密码/)
    expect((await resetWith(tokenIn(mail), 'graphql-reset-passphrase')).status).toBe(200)
    expect((await login('graphql-reset@test.local', 'graphql-reset-passphrase')).status).toBe(200)
  }, 20_000)

  it('sends one e-mail per account in a short interval: a repeated request changes nothing and the first link still works', async () => {
    await payload.create({ collection: 'users', data: { email: 'twice@test.local', name: '两次', roles: ['journalist'], password: STAFF_PASSWORD } })
    await forgotOverRest('twice@test.local')
    const first = await nextMailTo('twice@test.local', 0)
    const again = await forgotOverRest('twice@test.local')
    expect(again.status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(mailTo('twice@test.local')).toHaveLength(1)
    expect((await resetWith(tokenIn(first.mail), 'twice-reset-passphrase')).status).toBe(200)
  }, 20_000)
})
