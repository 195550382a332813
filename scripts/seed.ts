import config from '@payload-config'
import { getPayload } from 'payload'

import { isDemoMode } from '../src/config/environment'
import { demoPassword, ensureDemoAccounts } from '../src/seed/demoAccounts'
import { seedNewsroom } from '../src/seed/seedNewsroom'

/**
 * Run by `npm start` before the server (and by `npm run seed`): applies migrations (on
 * connect, in production mode), loads the seed pages into an empty database, and in demo
 * mode creates the demo accounts.
 */
const payload = await getPayload({ config })
try {
  const { totalDocs } = await payload.count({ collection: 'articles' })
  if (totalDocs > 0 && process.env.NEWSROOM_SEED !== 'force') {
    payload.logger.info(`数据库已有 ${totalDocs} 篇稿件，跳过示例内容导入。`)
  } else if (process.env.NEWSROOM_SEED === 'off') {
    payload.logger.info('NEWSROOM_SEED=off：跳过示例内容导入。')
  } else {
    const report = await seedNewsroom(payload)
    payload.logger.info(`示例内容已导入：${JSON.stringify(report.created)}`)
  }
  if (isDemoMode()) {
    const created = await ensureDemoAccounts(payload, demoPassword())
    if (created.length > 0) payload.logger.info(`已创建演示账号：${created.join(', ')}`)
  }
} finally {
  await payload.destroy()
}
process.exit(0)
