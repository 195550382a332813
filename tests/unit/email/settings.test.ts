import { senderFrom, smtpSettings } from '@/email/settings'

describe('SMTP settings from the environment', () => {
  it('are off without SMTP_HOST', () => {
    expect(smtpSettings({})).toBeNull()
    expect(smtpSettings({ SMTP_HOST: '  ', SMTP_FROM: 'cms@paper.cn' })).toBeNull()
  })

  it('use the submission port with STARTTLS by default, TLS from the start on 465, and the login when given', () => {
    expect(smtpSettings({ SMTP_HOST: 'smtp.paper.cn', SMTP_FROM: 'cms@paper.cn' })).toEqual({
      host: 'smtp.paper.cn',
      port: 587,
      secure: false,
      from: { name: '新闻采编发布系统', address: 'cms@paper.cn' },
    })
    expect(smtpSettings({ SMTP_HOST: 'smtp.paper.cn', SMTP_PORT: '465', SMTP_USER: 'cms', SMTP_PASS: 'pw', SMTP_FROM: 'cms@paper.cn' })).toMatchObject({
      port: 465,
      secure: true,
      auth: { user: 'cms', pass: 'pw' },
    })
  })

  it('refuse a half-configured server at start, naming the variable in Chinese', () => {
    expect(() => smtpSettings({ SMTP_HOST: 'smtp.paper.cn' })).toThrow(/没有 SMTP_FROM/)
    expect(() => smtpSettings({ SMTP_HOST: 'smtp.paper.cn', SMTP_FROM: 'cms@paper.cn', SMTP_PORT: 'smtp' })).toThrow(/SMTP_PORT「smtp」不是有效的端口号/)
    expect(() => smtpSettings({ SMTP_HOST: 'smtp.paper.cn', SMTP_FROM: 'cms@paper.cn', SMTP_USER: 'cms' })).toThrow(/没有 SMTP_PASS/)
  })
})

describe('the sender in SMTP_FROM', () => {
  it('reads a name with an address, a quoted name, or a bare address', () => {
    expect(senderFrom('本报编辑部 <noreply@paper.cn>')).toEqual({ name: '本报编辑部', address: 'noreply@paper.cn' })
    expect(senderFrom('"本报 编辑部" <noreply@paper.cn>')).toEqual({ name: '本报 编辑部', address: 'noreply@paper.cn' })
    expect(senderFrom('noreply@paper.cn')).toEqual({ name: '新闻采编发布系统', address: 'noreply@paper.cn' })
  })

  it('refuses a sender without a valid address', () => {
    expect(() => senderFrom('本报编辑部')).toThrow(/SMTP_FROM「本报编辑部」里没有有效的发件地址/)
  })
})
