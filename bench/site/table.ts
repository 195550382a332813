import type { ProfileSummary } from './profile'
import type { PageFigures, SiteBenchResult } from './run'

/** The targets of issue 8, each checked against figures measured in the same run. */
export const SITE_TARGETS = { originShareOfNextPage: 0.7, originP99Ms: 150, cacheShareOfNginx: 0.5, publishToVisibleMs: 5_000, adminListP95Ms: 150, peakRssMb: 600 }
const TARGETED = ['article', 'home', 'column']
const LABELS: Record<string, string> = { article: '稿件页', home: '首页', channel: '频道页', column: '专栏页', byline: '署名页', region: '地区页', feed: '订阅源', sitemap: '站点地图', search: '搜索页' }

const KIND_LABELS: Record<string, string> = { idle: '空闲', gc: '垃圾回收', gzip: 'gzip 压缩', socket: '套接字写出', react: 'React', next: 'Next.js 服务器', app: '应用代码', node: 'Node.js 内部', other: '其他' }

function profileRows(profile: ProfileSummary): string[] {
  return [
    `  源站稿件页 CPU 剖析（饱和负载下采样 ${(profile.sampledMs / 1000).toFixed(1)} s；${profile.file}）`,
    `    按工作：${Object.entries(profile.kinds).map(([kind, share]) => `${KIND_LABELS[kind] ?? kind} ${share}%`).join('，')}`,
    '    自身耗时最多的函数：',
    ...profile.functions.map((entry) => `      ${`${entry.share}%`.padStart(6)}  ${entry.name}  ${entry.where}`),
  ]
}

const verdict = (ok: boolean) => (ok ? '达标' : '未达标')
const cell = (value: number | string, width = 8) => String(value).padStart(width)
const errorsOf = (figures: PageFigures) => figures.throughput.errors + figures.throughput.non2xx + figures.fixedRate.errors + figures.fixedRate.non2xx

function pageRows(title: string, pages: Record<string, PageFigures>, baseline: number, baselineName: string, share: number, checkP99: boolean): string[] {
  const rate = pages.article?.fixedRate.rate ?? 100
  const rows = [title, `  页面        地址数    请求/秒   对比${baselineName}    p50     p95     p99（约 ${rate} 请求/秒泊松到达时，毫秒；实到速率）  错误`]
  for (const [kind, figures] of Object.entries(pages)) {
    const ratio = figures.throughput.requestsPerSecond / baseline
    const targeted = TARGETED.includes(kind)
    const notes = targeted ? `  ${verdict(ratio >= share && (!checkP99 || figures.fixedRate.p99 < SITE_TARGETS.originP99Ms) && errorsOf(figures) === 0)}` : ''
    rows.push(`  ${(LABELS[kind] ?? kind).padEnd(6, '　')}${cell(figures.paths, 6)} ${cell(figures.throughput.requestsPerSecond, 10)} ${cell(`${Math.round(ratio * 100)}%`, 9)} ${cell(figures.fixedRate.p50.toFixed(1))}${cell(figures.fixedRate.p95.toFixed(1))}${cell(figures.fixedRate.p99.toFixed(1))} ${cell(`${figures.fixedRate.achievedRate}/s`, 24)} ${cell(errorsOf(figures), 8)}${notes}`)
  }
  return rows
}

export function siteTable(result: SiteBenchResult): string[] {
  const { baseline } = result
  const next = baseline.nextPage.throughput.requestsPerSecond
  const nginx = baseline.nginx.throughput.requestsPerSecond
  const ms = (value: number | null) => (value == null ? '超时' : `${(value / 1000).toFixed(2)} s`)
  const rows = [
    `读者站点（${result.dataset.articles.toLocaleString('en-US')} 篇稿件、${result.dataset.bylines} 个署名、${result.dataset.columns} 个专栏、${result.dataset.regions} 个地区、${result.dataset.photos} 张图片；生成 ${result.dataset.seconds} s）`,
    `  next build    ${result.build.seconds == null ? '沿用现有构建' : `${result.build.seconds} s`}；冷启动 ${(result.coldStartMs / 1000).toFixed(1)} s`,
    `  基线          最小 Next.js 页面 ${next} 请求/秒（p99 ${baseline.nextPage.fixedRate.p99} ms）；nginx 静态文件 ${nginx} 请求/秒`,
    ...pageRows(`源站（目标：稿件/首页/专栏 ≥ 最小 Next.js 页面的 ${SITE_TARGETS.originShareOfNextPage * 100}%，p99 < ${SITE_TARGETS.originP99Ms} ms，零错误）`, result.origin, next, 'Next', SITE_TARGETS.originShareOfNextPage, true),
  ]
  if (result.articleProfile) rows.push(...profileRows(result.articleProfile))
  if (result.cache) rows.push(...pageRows(`经 Varnish 缓存层（目标：稿件/首页/专栏 ≥ nginx 的 ${SITE_TARGETS.cacheShareOfNginx * 100}%，零错误）`, result.cache, nginx, 'nginx', SITE_TARGETS.cacheShareOfNginx, false))
  const { editors, publishToVisible } = result
  rows.push(
    '编辑',
    `  文章列表（每页 50 篇，按日期）  p50 ${editors.adminList.p50} ms，p95 ${editors.adminList.p95} ms   目标 p95 < ${SITE_TARGETS.adminListP95Ms}（${verdict(editors.adminList.p95 < SITE_TARGETS.adminListP95Ms)}${result.dataset.articles < 100_000 ? '；目标针对 100,000 篇' : ''}）`,
    `  打开编辑页（4 个 API 请求）     p50 ${editors.editPage.p50} ms，p95 ${editors.editPage.p95} ms`,
    `  保存长稿（${editors.largeSave.characters} 字）           p50 ${editors.largeSave.p50} ms，max ${editors.largeSave.max} ms`,
    `  发布到可见   源站 ${ms(publishToVisible.originMs)}${result.cache ? `；经缓存层 ${ms(publishToVisible.cacheMs)}   目标 < ${SITE_TARGETS.publishToVisibleMs / 1000} s（${verdict(publishToVisible.cacheMs != null && publishToVisible.cacheMs < SITE_TARGETS.publishToVisibleMs)}）` : ''}`,
    `  源站内存峰值 ${result.peakRssMb} MB   目标 < ${SITE_TARGETS.peakRssMb}（${verdict(result.peakRssMb < SITE_TARGETS.peakRssMb)}）`,
    `    各阶段峰值：${Object.entries(result.rssByPhaseMb).map(([phase, mb]) => `${phase} ${mb}`).join('，')}（MB）`,
  )
  return rows
}
