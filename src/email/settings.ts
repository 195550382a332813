import type { Env } from '@/config/environment'

export type Sender = { name: string; address: string }

export type SmtpSettings = {
  host: string
  port: number
  /** TLS from the first byte (port 465); otherwise nodemailer upgrades with STARTTLS when the server offers it. */
  secure: boolean
  auth?: { user: string; pass: string }
  from: Sender
}

export const DEFAULT_SENDER_NAME = '新闻采编发布系统'
const IMPLICIT_TLS_PORT = 465
const SUBMISSION_PORT = 587

/**
 * The mail server, from SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASS and SMTP_FROM; null
 * without SMTP_HOST. A half-configured server is refused when the app starts, in words an
 * operator can act on, rather than discovered when a colleague's reset e-mail never arrives.
 */
export function smtpSettings(env: Env = process.env): SmtpSettings | null {
  const host = env.SMTP_HOST?.trim()
  if (!host) return null
  const port = smtpPort(env.SMTP_PORT)
  const user = env.SMTP_USER?.trim()
  const pass = env.SMTP_PASS ?? ''
  if (user && !pass) throw new Error('设置了 SMTP_USER 却没有 SMTP_PASS：请同时提供 SMTP 登录密码。 (SMTP_USER is set without SMTP_PASS.)')
  return { host, port, secure: port === IMPLICIT_TLS_PORT, ...(user ? { auth: { user, pass } } : {}), from: senderFrom(env.SMTP_FROM) }
}

function smtpPort(value: string | undefined): number {
  if (!value?.trim()) return SUBMISSION_PORT
  const port = Number(value)
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`SMTP_PORT「${value}」不是有效的端口号（1–65535）。 (SMTP_PORT is not a valid port.)`)
  }
  return port
}

const ADDRESS = /^[^\s@<>"]+@[^\s@<>"]+$/
const NAMED_ADDRESS = /^\s*"?([^"<]*?)"?\s*<([^<>]+)>\s*$/

/** `本报编辑部 <noreply@paper.cn>` or a bare address; mail servers reject a message without a valid sender. */
export function senderFrom(value: string | undefined): Sender {
  const trimmed = value?.trim()
  if (!trimmed) throw new Error('设置了 SMTP_HOST 却没有 SMTP_FROM：请提供发件地址，如「本报编辑部 <noreply@example.cn>」。 (SMTP_FROM is required with SMTP_HOST.)')
  const named = NAMED_ADDRESS.exec(trimmed)
  const name = named ? named[1].trim() : ''
  const address = (named ? named[2] : trimmed).trim()
  if (!ADDRESS.test(address)) throw new Error(`SMTP_FROM「${value}」里没有有效的发件地址。 (SMTP_FROM has no valid address.)`)
  return { name: name || DEFAULT_SENDER_NAME, address }
}
