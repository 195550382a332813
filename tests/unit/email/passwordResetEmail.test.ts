import type { Payload } from 'payload'

import { adminOrigin, passwordResetEmail, passwordResetLink } from '@/email/passwordResetEmail'

const config = { routes: { admin: '/admin' }, admin: { routes: { reset: '/reset' } } } as unknown as Payload['config']

describe('the password-reset link', () => {
  it('points at the admin’s reset page on the configured public origin', () => {
    expect(passwordResetLink(config, 'abc123', { NEXT_PUBLIC_SERVER_URL: 'https://cms.paper.cn/', SITE_URL: 'https://www.paper.cn' })).toBe('https://cms.paper.cn/admin/reset/abc123')
    expect(passwordResetLink(config, 'abc123', { SITE_URL: 'https://www.paper.cn/news' })).toBe('https://www.paper.cn/admin/reset/abc123')
  })

  it('falls back to the local address the demo serves on', () => {
    expect(adminOrigin({ PORT: '4000' })).toBe('http://localhost:4000')
    expect(adminOrigin({})).toBe('http://localhost:3000')
  })
})

describe('the password-reset e-mail', () => {
  const mail = passwordResetEmail({ name: '张<b>三</b>', link: 'https://cms.paper.cn/admin/reset/abc123', validForMs: 60 * 60 * 1000 })

  it('is in Chinese, names the person, the link and how long it works', () => {
    expect(mail.subject).toBe('重设新闻采编发布系统的登录密码')
    expect(mail.text).toContain('张<b>三</b>，您好：')
    expect(mail.text).toContain('请在 1 小时内打开下面的链接')
    expect(mail.text).toContain('\nhttps://cms.paper.cn/admin/reset/abc123\n')
  })

  it('escapes the account’s name in the HTML part', () => {
    expect(mail.html).toContain('张&lt;b&gt;三&lt;/b&gt;')
    expect(mail.html).toContain('<a href="https://cms.paper.cn/admin/reset/abc123">')
  })

  it('says minutes for a lifetime under an hour', () => {
    expect(passwordResetEmail({ name: '', link: 'x', validForMs: 30 * 60 * 1000 }).text).toContain('请在 30 分钟内打开')
  })
})
