import type { Payload } from 'payload'

import { inProcessClient, signedInClient } from '../../../helpers/inProcessApi'
import { inProcessGraphql } from '../../../helpers/inProcessGraphql'
import { type Staff, STAFF_PASSWORD } from '../../../helpers/newsroomUsers'
import { useTestPayload } from '../../../helpers/payload'

let payload: Payload
let staff: Staff

useTestPayload({ staff: true }, async (booted) => {
  ;({ payload, staff } = booted)
})

describe('site settings (网站设置)', () => {
  it('are kept by administrators only, over REST and GraphQL', async () => {
    const editor = await signedInClient(payload, staff.editor.email, STAFF_PASSWORD)
    expect((await editor.rest('/api/globals/site-settings', { method: 'POST', body: { newsLicence: '编辑改的' } })).status).toBe(403)
    expect((await inProcessClient(payload).rest('/api/globals/site-settings', { method: 'POST', body: { newsLicence: '读者改的' } })).status).toBe(403)
    const mutation = await inProcessGraphql()('mutation { updateSiteSetting(data: { newsLicence: "读者改的" }) { newsLicence } }')
    expect(mutation.errors?.[0]?.message).toBeTruthy()
    const admin = await signedInClient(payload, staff.admin.email, STAFF_PASSWORD)
    expect((await admin.rest('/api/globals/site-settings', { method: 'POST', body: { newsLicence: '43120170001' } })).status).toBe(200)
    expect((await payload.findGlobal({ slug: 'site-settings' })).newsLicence).toBe('43120170001')
  })

  it('are public, as the law has every reader see them', async () => {
    const reply = await inProcessClient(payload).rest('/api/globals/site-settings')
    expect([reply.status, reply.json.newsLicence]).toEqual([200, '43120170001'])
  })

  it.each([
    ['icpNumber', '湘ICP备123号', '湘ICP备12345678号-1'],
    ['publicSecurityNumber', '公安备案 123', '湘公网安备43010202000123号'],
    ['reportPhone', '请拨打举报电话', '0731-84326600'],
  ])('refuses a malformed %s with the form it should take, keeping what was stored', async (field, value, example) => {
    const admin = await signedInClient(payload, staff.admin.email, STAFF_PASSWORD)
    const reply = await admin.rest('/api/globals/site-settings', { method: 'POST', body: { [field]: value } })
    expect(reply.status).toBe(400)
    expect(JSON.stringify(reply.json)).toContain(`格式不对：应形如“${example}”`)
    expect((await payload.findGlobal({ slug: 'site-settings' })).newsLicence).toBe('43120170001')
  })
})
