import type { Payload } from 'payload'

import { logOnlyEmailAdapter } from '@/email/logAdapter'

function adapterLogging(demo: boolean) {
  const lines: string[] = []
  const logger = { info: (line: string) => lines.push(`info ${line}`), warn: (line: string) => lines.push(`warn ${line}`) }
  const adapter = logOnlyEmailAdapter({ demo })({ payload: { logger } as unknown as Payload })
  return { adapter, lines }
}

const message = { to: 'editor@paper.cn', subject: '重设新闻采编发布系统的登录密码', text: '请打开 https://cms.paper.cn/admin/reset/abc123' }

describe('e-mail without SMTP', () => {
  it('is written to the log, reset link included, in demo mode', async () => {
    const { adapter, lines } = adapterLogging(true)
    await adapter.sendEmail(message)
    expect(lines).toEqual([expect.stringMatching(/^info 演示模式没有配置 SMTP.*editor@paper\.cn.*\n请打开 https:\/\/cms\.paper\.cn\/admin\/reset\/abc123$/s)])
  })

  it('is reported as not sent, without its content, in any other deployment', async () => {
    const { adapter, lines } = adapterLogging(false)
    await adapter.sendEmail(message)
    expect(lines).toEqual([expect.stringMatching(/^warn 没有配置 SMTP.*editor@paper\.cn/)])
    expect(lines.join('\n')).not.toContain('abc123')
  })
})
