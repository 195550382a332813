import { checkLinkUrl, safeLinkHref, unsafeLinkMessage } from '@/newsroom/safeUrl'
import { SAFE_LINKS, UNSAFE_LINKS } from '../../helpers/xssCorpus'

describe('checkLinkUrl', () => {
  it.each(SAFE_LINKS)('lets %j through unchanged', (url) => {
    expect(checkLinkUrl(url)).toEqual({ safe: true, href: url })
  })

  it.each(UNSAFE_LINKS.map((entry) => [entry.url, entry.reason] as const))('refuses %j (%s)', (url, reason) => {
    expect(checkLinkUrl(url)).toEqual({ safe: false, reason })
  })

  it('refuses what is not a string at all', () => {
    for (const value of [undefined, null, 42, { href: 'https://example.com' }]) expect(checkLinkUrl(value)).toEqual({ safe: false, reason: 'empty' })
  })

  it('takes schemes case-insensitively for the allowed ones too', () => {
    expect(safeLinkHref('HTTPS://WWW.RMRB.COM.CN/')).toBe('HTTPS://WWW.RMRB.COM.CN/')
    expect(safeLinkHref('MailTo:tips@example.cn')).toBe('MailTo:tips@example.cn')
  })

  it('keeps Chinese in paths and queries, which browsers encode themselves', () => {
    expect(safeLinkHref('https://zh.wikipedia.org/wiki/长沙市')).toBe('https://zh.wikipedia.org/wiki/长沙市')
    expect(safeLinkHref('/search?q=长沙')).toBe('/search?q=长沙')
  })
})

describe('unsafeLinkMessage', () => {
  it('names the field and the address in Chinese, with what is allowed', () => {
    const message = unsafeLinkMessage('正文中的链接', 'javascript:alert(1)', 'scheme')
    expect(message).toContain('正文中的链接“javascript:alert(1)”不可用')
    expect(message).toContain('不允许这种协议')
    expect(message).toContain('https://')
  })

  it('makes invisible characters visible, so the editor sees what to delete', () => {
    expect(unsafeLinkMessage('链接地址', 'java\tscript:alert(1)', 'hiddenCharacters')).toContain('“java\\u{9}script:alert(1)”')
    expect(unsafeLinkMessage('链接地址', '\u200Bhttps://example.com', 'hiddenCharacters')).toContain('“\\u{200B}https://example.com”')
  })

  it('cuts a long address short', () => {
    const message = unsafeLinkMessage('链接地址', `data:text/html;base64,${'A'.repeat(500)}`, 'scheme')
    expect(message).toContain('…”')
    expect(message.length).toBeLessThan(250)
  })

  it('says the address is empty without quoting nothing', () => {
    expect(unsafeLinkMessage('链接地址', '', 'empty')).toMatch(/^链接地址不可用：地址为空/)
  })
})
