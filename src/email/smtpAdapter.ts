import nodemailer from 'nodemailer'
import type { PayloadEmailAdapter as EmailAdapter } from 'payload'

import type { SmtpSettings } from './settings'

/**
 * Payload's e-mail adapter over nodemailer's SMTP transport, shaped like
 * @payloadcms/email-nodemailer (whose release for this Payload version is not on the registry).
 * The timeouts bound how long a dead mail server keeps a socket open: sending happens after
 * the request has been answered, so they never delay a user, only free resources.
 */
export function smtpEmailAdapter(settings: SmtpSettings): EmailAdapter {
  return ({ payload }) => {
    const transport = nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      auth: settings.auth,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 60_000,
    })
    transport.verify().catch((err: unknown) => payload.logger.warn({ err, msg: `无法连接邮件服务器 ${settings.host}:${settings.port}，找回密码等邮件会发送失败，请检查 SMTP_* 设置` }))
    return {
      name: 'smtp',
      defaultFromAddress: settings.from.address,
      defaultFromName: settings.from.name,
      sendEmail: (message) => transport.sendMail({ ...message, from: message.from ?? settings.from }),
    }
  }
}
