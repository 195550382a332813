import type { PayloadEmailAdapter as EmailAdapter } from 'payload'

import { DEFAULT_SENDER_NAME } from './settings'

const recipients = (to: unknown): string => {
  if (Array.isArray(to)) return to.map(recipients).filter(Boolean).join(', ')
  if (typeof to === 'string') return to
  return to && typeof to === 'object' && 'address' in to ? String(to.address) : ''
}

/**
 * Without SMTP nothing can be delivered. The demo start writes the whole message (a reset
 * link, say) to the server log, so password reset can be tried on a laptop; a real
 * deployment without SMTP logs only that a message was dropped, since a reset link in a
 * log file is a way into that account for anyone who can read the log.
 */
export function logOnlyEmailAdapter({ demo }: { demo: boolean }): EmailAdapter {
  return ({ payload }) => ({
    name: 'log-only',
    defaultFromAddress: 'newsroom@localhost',
    defaultFromName: DEFAULT_SENDER_NAME,
    sendEmail: async (message) => {
      const summary = `收件人 ${recipients(message.to)}，主题「${message.subject ?? ''}」`
      if (demo) payload.logger.info(`演示模式没有配置 SMTP，邮件没有发出，内容记录如下。${summary}\n${message.text ?? ''}`)
      else payload.logger.warn(`没有配置 SMTP（SMTP_HOST 等），邮件没有发出：${summary}`)
    },
  })
}
