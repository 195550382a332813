import type { Payload } from 'payload'
import { formatAdminURL } from 'payload/shared'

import type { Env } from '@/config/environment'

/**
 * The origin the admin is served on, from configuration only. Payload would build the link
 * from the request's Host header, which the requester chooses: a reset requested for a
 * colleague with `Host: attacker.example` would mail the colleague a link that hands the
 * token to the attacker.
 */
export function adminOrigin(env: Env = process.env): string {
  const configured = env.NEXT_PUBLIC_SERVER_URL?.trim() || env.SITE_URL?.trim()
  return configured ? new URL(configured).origin : `http://localhost:${env.PORT || '3000'}`
}

export function passwordResetLink(config: Payload['config'], token: string, env: Env = process.env): string {
  return formatAdminURL({ adminRoute: config.routes.admin, path: `${config.admin.routes.reset}/${token}`, serverURL: adminOrigin(env) })
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character])

function lifetimeInWords(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000))
  return minutes % 60 === 0 ? `${minutes / 60} 小时` : `${minutes} 分钟`
}

export type PasswordResetEmail = { subject: string; text: string; html: string }

export function passwordResetEmail({ name, link, validForMs }: { name: string; link: string; validForMs: number }): PasswordResetEmail {
  const greeting = name.trim() ? `${name.trim()}，您好：` : '您好：'
  const request = `有人（可能就是您）请求重设您在新闻采编发布系统的登录密码。请在 ${lifetimeInWords(validForMs)}内打开下面的链接设置新密码，链接只能使用一次：`
  const ignore = '如果这不是您本人的请求，请忽略本邮件，您的密码不会改变。'
  return {
    subject: '重设新闻采编发布系统的登录密码',
    text: [greeting, '', request, '', link, '', ignore].join('\n'),
    html: [
      `<p>${escapeHtml(greeting)}</p>`,
      `<p>${escapeHtml(request)}</p>`,
      `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
      `<p>${escapeHtml(ignore)}</p>`,
    ].join('\n'),
  }
}

/** Sends the reset e-mail; a failure is logged, never thrown: nobody is waiting for it. */
export async function sendPasswordResetEmail(payload: Payload, recipient: { email: string; name: string }, token: string, validForMs: number): Promise<void> {
  const message = passwordResetEmail({ name: recipient.name, link: passwordResetLink(payload.config, token), validForMs })
  try {
    await payload.sendEmail({ to: recipient.email, ...message })
  } catch (err) {
    payload.logger.error({ err, msg: `找回密码邮件没有发出（收件人 ${recipient.email}）` })
  }
}
