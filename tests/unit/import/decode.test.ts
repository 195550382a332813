import { decodePage, PAGE_LIMITS } from '@/import/decode'
import { readSeedPage } from '@/seed/data'

const utf8 = (text: string) => new TextEncoder().encode(text)

/** GB18030 bytes for a few characters, as an old page system would write them. */
const GBK = new Uint8Array([0xc4, 0xe3, 0xba, 0xc3, 0xa3, 0xac, 0xd0, 0xc2, 0xbb, 0xaf, 0xa1, 0xa3, 0x0a])

describe('reading a page file', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decodePage(utf8(readSeedPage('000')))).toMatchObject({ ok: true, encoding: 'utf-8' })
    expect(decodePage(utf8(`\uFEFF善治天心②\n`))).toEqual({ ok: true, text: '善治天心②\n', encoding: 'utf-8' })
  })

  it('detects GB18030/GBK and converts it', () => {
    expect(decodePage(GBK)).toEqual({ ok: true, text: '你好，新化。\n', encoding: 'gb18030' })
  })

  it.each([
    ['an empty file', new Uint8Array(), '文件为空'],
    ['whitespace only', utf8(' \n\n\t\n'), '文件为空'],
    ['a binary file', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0xff]), '不是文本文件'],
    ['a 50 MB file', new Uint8Array(50 * 1024 * 1024).fill(0x41), '文件过大'],
    ['a single huge line', utf8('新'.repeat(PAGE_LIMITS.maxLineChars + 1)), '第 1 行长达'],
    ['neither UTF-8 nor GB18030', new Uint8Array([0xe4, 0xb8, 0x41, 0x81, 0x20, 0xff, 0xfe, 0x0a]), '无法识别的文字编码'],
  ])('refuses %s with a message naming the problem', (_label, bytes, message) => {
    const result = decodePage(bytes)
    expect(result.ok).toBe(false)
    expect(result.ok ? '' : result.problem).toContain(message)
  })
})
