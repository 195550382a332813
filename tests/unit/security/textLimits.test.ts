import { chineseLabelOf, codePointCount, leadingCharacters, textLimitOf, textLimitProblem } from '@/security/textLimits'

describe('codePointCount', () => {
  it('counts a Chinese character as one, and one outside the BMP (𠀋) as one too', () => {
    expect(codePointCount('党建引领')).toBe(4)
    expect(codePointCount('𠀋𠀋a')).toBe(3)
    expect('𠀋𠀋a'.length).toBe(5)
  })

  it('counts a lone surrogate as one character', () => {
    expect(codePointCount('\ud840')).toBe(1)
    expect(codePointCount('a\udc0b\ud840')).toBe(3)
  })

  it('counts a 3 MB text without copying it into an array', () => {
    const started = performance.now()
    expect(codePointCount('党'.repeat(3_000_000))).toBe(3_000_000)
    expect(performance.now() - started).toBeLessThan(500)
  })
})

describe('leadingCharacters', () => {
  it('keeps the first characters, never splitting a surrogate pair', () => {
    expect(leadingCharacters('𠀋党建', 2)).toBe('𠀋党')
    expect(leadingCharacters('短', 10)).toBe('短')
  })
})

describe('textLimitProblem', () => {
  const title = { name: 'title', type: 'text', label: { zh: '主题', en: 'Headline' }, maxLength: 5 }

  it('names the field by its Chinese label, with the limit and the count', () => {
    expect(textLimitProblem('一二三四五六', title)).toBe('主题最多 5 个字，现有 6 个字（at most 5 characters）')
  })

  it('accepts a text of exactly the limit counted in code points, though longer in UTF-16 units', () => {
    expect(textLimitProblem('𠀋𠀋𠀋𠀋𠀋', title)).toBeNull()
  })

  it('checks every value of a field holding several texts', () => {
    expect(textLimitProblem(['短', '太长的一段文字'], title)).toMatch(/^主题最多 5 个字/)
  })

  it('bounds fields Payload adds itself and fields without a table entry', () => {
    expect(textLimitOf({ name: 'email', type: 'email' })).toBe(254)
    expect(textLimitOf({ name: 'filename', type: 'text' })).toBe(255)
    expect(textLimitOf({ name: 'somethingNew', type: 'textarea' })).toBe(5_000)
    expect(textLimitOf({ name: 'somethingElse', type: 'text' })).toBe(2_048)
  })
})

describe('chineseLabelOf', () => {
  it('prefers the Chinese label, then a plain label, then the field name', () => {
    expect(chineseLabelOf({ name: 'summary', label: { zh: '导语', en: 'Standfirst' } })).toBe('导语')
    expect(chineseLabelOf({ name: 'summary', label: '导语' })).toBe('导语')
    expect(chineseLabelOf({ name: 'email', label: () => 'Email' })).toBe('email')
  })
})
