import type { Payload } from 'payload'

import { type InProcessClient, inProcessClient, refusedPaths, signedInClient } from '../../helpers/inProcessApi'
import { STAFF_PASSWORD } from '../../helpers/newsroomUsers'
import { useTestPayload } from '../../helpers/payload'

let payload: Payload
let admin: InProcessClient
let journalist: InProcessClient
let journalistId: number | string

useTestPayload({ staff: true }, async (booted) => {
  payload = booted.payload
  admin = await signedInClient(payload, booted.staff.admin.email, STAFF_PASSWORD)
  journalist = await signedInClient(payload, booted.staff.journalist.email, STAFF_PASSWORD)
  journalistId = booted.staff.journalist.id
})

const newAccount = (password: string) => ({ email: `new-${Math.random().toString(36).slice(2)}@paper.cn`, name: '新同事', roles: ['journalist'], password })

describe('new passwords over REST', () => {
  it('refuses a new account with a weak password, naming the password field, and creates nothing', async () => {
    const before = (await payload.count({ collection: 'users' })).totalDocs
    for (const weak of ['123', 'password123', 'aaaaaaaaaaaa']) {
      const reply = await admin.rest('/api/users', { method: 'POST', body: newAccount(weak) })
      expect([weak, reply.status, refusedPaths(reply.json)]).toEqual([weak, 400, ['password']])
    }
    expect((await payload.count({ collection: 'users' })).totalDocs).toBe(before)
  })

  it('creates an account whose password meets the policy', async () => {
    const reply = await admin.rest('/api/users', { method: 'POST', body: newAccount('a-sound-passphrase-2026') })
    expect(reply.status).toBe(201)
  })

  it('refuses changing one’s own password to a weak one, and the old one keeps working', async () => {
    const reply = await journalist.rest(`/api/users/${journalistId}`, { method: 'PATCH', body: { password: 'qwertyuiop' } })
    expect(reply.status).toBe(400)
    expect(refusedPaths(reply.json)).toEqual(['password'])
    const login = await inProcessClient(payload).rest('/api/users/login', { method: 'POST', body: { email: 'journalist@test.local', password: STAFF_PASSWORD } })
    expect(login.status).toBe(200)
  })

  it('applies the policy to password resets before looking at the token', async () => {
    const anonymous = inProcessClient(payload)
    const weak = await anonymous.rest('/api/users/reset-password', { method: 'POST', body: { token: 'whatever', password: 'short' } })
    expect(weak.status).toBe(400)
    expect(refusedPaths(weak.json)).toEqual(['password'])
    const strongButForged = await anonymous.rest('/api/users/reset-password', { method: 'POST', body: { token: 'forged-token', password: 'a-sound-passphrase-2026' } })
    expect(strongButForged.status).toBe(403)
  })

  it('completes a real reset with a strong password and signs the user in', async () => {
    const token = await payload.forgotPassword({ collection: 'users', data: { email: 'other@test.local' }, disableEmail: true })
    const reply = await inProcessClient(payload).rest('/api/users/reset-password', { method: 'POST', body: { token, password: 'a-brand-new-passphrase' } })
    expect(reply.status).toBe(200)
    expect(reply.json.token).toEqual(expect.any(String))
    const login = await inProcessClient(payload).rest('/api/users/login', { method: 'POST', body: { email: 'other@test.local', password: 'a-brand-new-passphrase' } })
    expect(login.status).toBe(200)
  })
})
