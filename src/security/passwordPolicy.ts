/**
 * New passwords: long enough to resist guessing, not one of the passwords every cracking
 * list tries first, and not the account's own e-mail name. Following NIST SP 800-63B,
 * there are no composition rules (they push people to `Password1!`); length does the work.
 */
export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 256

const COMMON_PASSWORDS = new Set([
  '0123456789', '1234567890', '12345678910', '0987654321', '1111111111', '1q2w3e4r5t', '1qaz2wsx3edc', 'a123456789',
  'abc1234567', 'abcd123456', 'admin12345', 'administrator', 'iloveyou12', 'password', 'password1', 'password12',
  'password123', 'passw0rd123', 'qwertyuiop', 'qwerty12345', 'qq123456789', 'woaini1314', '5201314520', 'zxcvbnm123',
  'newsroom123', 'newsroom2025', 'newsroom2026', 'changeme123', 'welcome123', 'letmein123',
])

export function passwordProblem(password: unknown, account: { email?: unknown } = {}): string | null {
  if (typeof password !== 'string') return '密码应为文字（password must be text）'
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符（password too short）`
  if (password.length > PASSWORD_MAX_LENGTH) return `密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符（password too long）`
  const folded = password.toLowerCase()
  if (COMMON_PASSWORDS.has(folded)) return '这个密码太常见，很容易被猜中，请换一个（password is too common）'
  if (new Set(folded).size <= 2) return '密码不能只由一两个字符重复组成（password is too repetitive）'
  const mailbox = typeof account.email === 'string' ? account.email.split('@')[0]?.toLowerCase() : undefined
  if (mailbox && mailbox.length >= 4 && folded.includes(mailbox)) return '密码不能包含自己的邮箱名（password contains the e-mail name）'
  return null
}
