import config from '@payload-config'
import { getPayload } from 'payload'

import { isDemoMode } from '@/config/environment'
import { fillSearchIndexIfEmpty } from '@/search/indexer'
import { syncStaleEntries } from '@/search/staffIndexing'
import { demoPassword, ensureDemoAccounts } from './demoAccounts'
import { seedNewsroom } from './seedNewsroom'

/**
 * Runs once when the server boots, before it answers requests: connecting applies pending
 * migrations (production), an empty database gets the seed pages, and demo mode gets its
 * demo accounts. Runs inside the server rather than as a separate `payload run` step, which
 * proved to exit silently before finishing on these machines.
 */
export async function prepareDatabaseAtBoot(): Promise<void> {
  const payload = await getPayload({ config })
  try {
    const { totalDocs } = await payload.count({ collection: 'articles' })
    if (process.env.NEWSROOM_SEED === 'off') {
      payload.logger.info('NEWSROOM_SEED=off：跳过示例内容导入。')
    } else if (totalDocs === 0) {
      const report = await seedNewsroom(payload)
      payload.logger.info(`示例内容已导入：${JSON.stringify(report.created)}`)
    }
    const filled = await fillSearchIndexIfEmpty(payload)
    if (filled) payload.logger.info(`检索索引已建立：${filled.articles} 篇稿件，${filled.entries} 条索引，用时 ${filled.milliseconds} 毫秒`)
    const caughtUp = await syncStaleEntries(payload)
    if (caughtUp) payload.logger.info(`检索索引补上了停机前未完成的 ${caughtUp} 篇稿件`)
    if (isDemoMode()) {
      const created = await ensureDemoAccounts(payload, demoPassword())
      if (created.length > 0) payload.logger.info(`已创建演示账号：${created.join(', ')}`)
    }
  } catch (error) {
    // A half-finished seed is resumed on the next boot (every entity is found by its key);
    // the newsroom's own content must never be kept offline by the demo content.
    payload.logger.error({ err: error, msg: '启动时导入示例内容失败' })
  }
}
