import { padNameForPrint } from './names'
import type { DocumentId } from '@/data/relationId'

export const BYLINE_ROLES = {
  byline: { zh: '署名', en: 'Byline', prefix: '', suffix: '' },
  staffReporter: { zh: '本报记者', en: 'Staff reporter', prefix: '本报记者', suffix: '' },
  reporter: { zh: '记者', en: 'Reporter', prefix: '记者', suffix: '' },
  correspondent: { zh: '通讯员', en: 'Correspondent', prefix: '通讯员', suffix: '' },
  contributor: { zh: '特约撰稿', en: 'Contributing writer', prefix: '特约撰稿', suffix: '' },
  photographer: { zh: '摄影（摄）', en: 'Photographer', prefix: '', suffix: '摄' },
  courtesy: { zh: '供图', en: 'Photo courtesy', prefix: '', suffix: '供图' },
} as const

export type BylineRole = keyof typeof BYLINE_ROLES
export const BYLINE_ROLE_KEYS = Object.keys(BYLINE_ROLES) as BylineRole[]

export type BylineEntry = { name: string; role: BylineRole }

export type BylineGroup = { role: BylineRole; prefix: string; names: string[]; suffix: string }

/** Consecutive names sharing a role print under one label: `本报记者 张三 李四 通讯员 王五`. */
export function groupBylines(entries: readonly BylineEntry[]): BylineGroup[] {
  const groups: BylineGroup[] = []
  for (const entry of entries) {
    const last = groups.at(-1)
    if (last && last.role === entry.role) {
      last.names.push(entry.name)
      continue
    }
    const { prefix, suffix } = BYLINE_ROLES[entry.role]
    groups.push({ role: entry.role, prefix, names: [entry.name], suffix })
  }
  return groups
}

export type BylineLayout = {
  /** Briefs print their bylines after the text, in brackets: `(李重臣 杜鸿飞)`. */
  trailing?: boolean
  /** Reproduce the print page's padding of two-character names (`张 毅`). */
  padNames?: boolean
}

export function formatBylines(entries: readonly BylineEntry[], layout: BylineLayout = {}): string {
  const text = groupBylines(entries)
    .map((group) => {
      const names = group.names.map((name) => (layout.padNames ? padNameForPrint(name) : name)).join(' ')
      if (group.role === 'courtesy') return `${names}${group.suffix}`
      return [group.prefix, names, group.suffix].filter(Boolean).join(' ')
    })
    .join(' ')
  return layout.trailing && text ? `(${text})` : text
}

/**
 * The bylines an article credits, kept on the article's own row as `,12,45,`: asking "does it
 * credit this byline?" of that column needs no join through the bylines table, which made the
 * journalist's admin list count every version through it (seconds at 100,000 articles).
 */
export function creditedBylinesKey(bylineIds: readonly DocumentId[]): string | null {
  return bylineIds.length ? `,${bylineIds.join(',')},` : null
}

/** What `creditedBylinesKey` contains when the article credits the byline. */
export const creditedBylineNeedle = (bylineId: DocumentId): string => `,${bylineId},`
