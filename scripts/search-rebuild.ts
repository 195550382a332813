// npm run search:rebuild — builds the search index again from every article, batch by batch, while readers keep searching the old entries.
import config from '@payload-config'
import { getPayload } from 'payload'

import { rebuildSearchIndex } from '@/search/indexer'
import { searchStoreFor } from '@/search/store'

const payload = await getPayload({ config })
try {
  const report = await rebuildSearchIndex(payload)
  const { bytes } = await (await searchStoreFor(payload)).stats()
  const size = bytes == null ? '' : `，索引约 ${(bytes / 1024 / 1024).toFixed(1)} MB`
  console.log(`检索索引已重建：${report.articles} 篇稿件，${report.entries} 条索引，用时 ${report.milliseconds} 毫秒${size}`)
} catch (error) {
  console.error('重建检索索引失败：', error)
  process.exitCode = 1
} finally {
  await payload.destroy()
}
process.exit(process.exitCode ?? 0)
