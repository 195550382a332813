import type { Payload } from 'payload'

import type { DocumentId } from '@/data/relationId'
import { onShutdown } from '@/lifecycle/shutdown.mjs'
import { ViewCounter, type ViewVerdict } from './counter'
import { writeViewTallies } from './flush'
import { SlugDirectory } from './slugDirectory'

/** How often counted views are written (阅读量): what a crash can lose at most. VIEW_FLUSH_SECONDS overrides it (tests). */
export const flushIntervalMs = (env: NodeJS.ProcessEnv = process.env) => Math.max(1, Number(env.VIEW_FLUSH_SECONDS) || 10) * 1000

export type ViewService = {
  counter: ViewCounter
  slugs: SlugDirectory
  /** Writes what has been counted; resolves once written (or given back to the counter after a failure). */
  flush: () => Promise<void>
  /** Flushes that wrote anything, since the server started: the ranking's refresh looks at it. */
  readonly writes: number
}

/** Per Payload instance (one in the server; tests boot their own), kept across the app's bundles. */
const SERVICES = Symbol.for('newsroom.articleViewServices')
const services = ((globalThis as unknown as Record<symbol, WeakMap<Payload, ViewService>>)[SERVICES] ??= new WeakMap())

/** The process's view counter, started on first use: a flush every few seconds and one at shutdown. */
export function articleViewService(payload: Payload): ViewService {
  let service = services.get(payload)
  if (!service) {
    service = createService(payload)
    services.set(payload, service)
  }
  return service
}

/** Counts one view of the article a slug names, if readers can see such an article; anything else is ignored. */
export async function countView(service: ViewService, view: { slug: string; userAgent: string | null; address: string }): Promise<ViewVerdict | 'unknown'> {
  const article = await service.slugs.idOf(view.slug)
  if (article == null) return 'unknown'
  return service.counter.record({ article, userAgent: view.userAgent, address: view.address })
}

function createService(payload: Payload): ViewService {
  const counter = new ViewCounter(undefined, (message) => payload.logger.warn(message))
  const slugs = new SlugDirectory(() => publicArticleSlugs(payload))
  let flushing: Promise<void> | null = null
  let writes = 0
  const write = async () => {
    const tallies = counter.take()
    if (tallies.length === 0) return
    try {
      counter.giveBack(await writeViewTallies(payload, tallies))
      writes += 1
    } catch (error) {
      payload.logger.error({ err: error, msg: '阅读量写入失败，稍后重试' })
      counter.giveBack(tallies)
    }
  }
  const flush = () => (flushing ??= write().finally(() => (flushing = null)))
  setInterval(() => void flush(), flushIntervalMs()).unref()
  onShutdown('article-views', flush)
  return {
    counter,
    slugs,
    flush,
    get writes() {
      return writes
    },
  }
}

/** Every article readers can open and that is not retracted, by slug: read as a reader would, so drafts never count. */
async function publicArticleSlugs(payload: Payload): Promise<Map<string, DocumentId>> {
  const { docs } = await payload.find({
    collection: 'articles',
    overrideAccess: false,
    draft: false,
    depth: 0,
    pagination: false,
    where: { 'retraction.retractedAt': { exists: false } },
    select: { slug: true },
  })
  return new Map(docs.flatMap((doc) => (doc.slug ? [[doc.slug, doc.id] as const] : [])))
}
