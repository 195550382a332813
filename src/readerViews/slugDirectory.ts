import type { DocumentId } from '@/data/relationId'

type Options = { maxAgeMs: number; refreshOnMissAfterMs: number; clock: () => number }
const DEFAULTS: Options = { maxAgeMs: 60_000, refreshOnMissAfterMs: 10_000, clock: Date.now }

/**
 * Which slugs name an article readers can see, held in memory: a beacon naming anything else
 * is ignored without a query of its own. The list is read again when a minute old, or when a
 * slug is missing and ten seconds have passed (an article published a moment ago), so however
 * many beacons arrive, slugs made up or not, the database is asked at most once in ten seconds.
 */
export class SlugDirectory {
  private ids = new Map<string, DocumentId>()
  private loadedAt = -Infinity
  private loading: Promise<void> | null = null
  private readonly options: Options

  constructor(
    private readonly load: () => Promise<Map<string, DocumentId>>,
    options: Partial<Options> = {},
  ) {
    this.options = { ...DEFAULTS, ...options }
  }

  async idOf(slug: string): Promise<DocumentId | null> {
    const age = this.options.clock() - this.loadedAt
    if (age > this.options.maxAgeMs || (!this.ids.has(slug) && age > this.options.refreshOnMissAfterMs)) await this.refresh()
    return this.ids.get(slug) ?? null
  }

  private refresh(): Promise<void> {
    this.loading ??= (async () => {
      try {
        this.ids = await this.load()
      } finally {
        // A failed read is not retried for every beacon either: the old list serves until the next try.
        this.loadedAt = this.options.clock()
        this.loading = null
      }
    })()
    return this.loading
  }
}
