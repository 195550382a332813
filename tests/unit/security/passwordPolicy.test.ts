import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from '@/security/passwordPolicy'

describe('the password policy', () => {
  it('accepts a long passphrase, including one in Chinese', () => {
    expect(passwordProblem('correct-horse-battery-staple')).toBeNull()
    expect(passwordProblem('湘江北去橘子洲头2025')).toBeNull()
  })

  it.each([
    ['too short', 'a'.repeat(0) + 'Sh0rt!', /至少需要 10 个字符/],
    ['too long', 'x1'.repeat(PASSWORD_MAX_LENGTH), /不能超过/],
    ['on the common list, whatever the case', 'PassWord123', /太常见/],
    ['one character repeated', 'aaaaaaaaaaaa', /重复/],
    ['two characters repeated', 'abababababab', /重复/],
    ['not text', 1234567890, /应为文字/],
  ])('refuses a password that is %s', (_, password, message) => {
    expect(passwordProblem(password)).toMatch(message)
  })

  it('refuses a password that contains the account’s own e-mail name', () => {
    expect(passwordProblem('zhangfufang-2025', { email: 'ZhangFuFang@paper.cn' })).toMatch(/邮箱名/)
    expect(passwordProblem('zhangfufang-2025', { email: 'editor@paper.cn' })).toBeNull()
  })

  it(`counts characters, so ${PASSWORD_MIN_LENGTH} Chinese characters are enough`, () => {
    expect(passwordProblem('春眠不觉晓处处闻啼鸟')).toBeNull()
  })
})
