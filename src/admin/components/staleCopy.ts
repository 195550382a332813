import { formatChineseDateTime } from '@/newsroom/dates'
import { UNTYPED_ARTICLE_FIELDS } from '@/newsroom/untypedArticleFields'
import type { DocumentId } from '@/data/relationId'

/** GET /api/articles/:id/last-change (collections/Articles/endpoints/lastChange.ts). */
export type LastChangeReply = {
  updatedAt: string
  versionId: DocumentId | null
  changedAt: string
  changedBy: { id: DocumentId | null; name: string } | null
  byYou: boolean
}

type Data = Record<string, unknown>
/** A field's place in the form's data (top-level name) and its Chinese label. */
export type FieldLabels = ReadonlyMap<string, string>
type ConfigField = { name?: string; type?: string; label?: unknown; fields?: ConfigField[]; tabs?: ConfigField[]; admin?: { hidden?: boolean } }


/** What the banner says happened: who changed the article, and when, in Beijing time. */
export function staleCopyHeadline(change: Pick<LastChangeReply, 'changedAt' | 'changedBy' | 'byYou'>): string {
  const when = formatChineseDateTime(change.changedAt)
  if (change.byYou) return `您在另一个窗口中修改过这篇稿件（${when}）`
  return `这篇稿件已于 ${when} 被${change.changedBy ? change.changedBy.name : '他人'}修改`
}

/**
 * The form's top-level fields with their labels in `translate`'s language, found through the
 * layout (tabs, rows, collapsibles) that does not nest data; a named group or array counts as one.
 */
export function fieldLabels(fields: readonly ConfigField[], translate: (label: unknown) => string): FieldLabels {
  const labels = new Map<string, string>()
  const visit = (list: readonly ConfigField[] = []) => {
    for (const field of list) {
      if (field.type === 'tabs') visit(field.tabs?.flatMap((tab) => (tab.name ? [{ ...tab, type: 'group' }] : (tab.fields ?? []))))
      else if (!field.name) visit(field.fields)
      else if (field.type !== 'ui' && !field.admin?.hidden && !UNTYPED_ARTICLE_FIELDS.has(field.name)) labels.set(field.name, translate(field.label) || field.name)
    }
  }
  visit(fields)
  return labels
}

/** Empty text, empty lists and missing values count as the same "nothing". */
function normalised(value: unknown): unknown {
  if (value === '' || value === undefined || (Array.isArray(value) && value.length === 0)) return null
  if (Array.isArray(value)) return value.map(normalised)
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Data)
      .filter(([key]) => key !== 'id')
      .map(([key, inner]) => [key, normalised(inner)] as const)
      .filter(([, inner]) => inner !== null)
    return entries.length === 0 ? null : Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)))
  }
  return value
}

/** The form's data gives an array field without rows as its row count, 0. */
const noRows = (value: unknown) => (value === 0 ? null : value)
const sameValue = (a: unknown, b: unknown) => JSON.stringify(normalised(noRows(a))) === JSON.stringify(normalised(noRows(b)))
/** A relationship is stored as an id, or as the document when populated. */
const idsOf = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(idsOf) : value && typeof value === 'object' && 'id' in value && !('children' in value) ? (value as Data).id : value

/** The labels of the fields whose values differ between two copies of the article, in form order. */
export function changedFields(before: Data, after: Data, labels: FieldLabels): string[] {
  return [...labels].filter(([name]) => !sameValue(idsOf(before[name]), idsOf(after[name]))).map(([, label]) => label)
}

/** The text a person reads in a value: a rich text's paragraphs one per line, a group's parts one per line. */
export function plainTextOf(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (Array.isArray(value)) return value.map(plainTextOf).filter(Boolean).join('\n')
  const node = value as Data
  if ('root' in node) return plainTextOf(node.root)
  if (typeof node.text === 'string') return node.text
  if (Array.isArray(node.children)) {
    const inline = node.type === 'paragraph' || node.type === 'heading' || node.type === 'quote' || node.type === 'link' || node.type === 'listitem'
    return node.children.map(plainTextOf).join(inline ? '' : '\n')
  }
  return Object.entries(node)
    .filter(([key]) => key !== 'id')
    .map(([, inner]) => plainTextOf(inner))
    .filter(Boolean)
    .join('\n')
}

/** What this window holds that its last save did not, field by field, to paste back after reloading. */
export function unsavedChangesText(saved: Data, current: Data, labels: FieldLabels): string {
  return [...labels]
    .filter(([name]) => !sameValue(idsOf(saved[name]), idsOf(current[name])))
    .map(([name, label]) => `【${label}】\n${plainTextOf(current[name]) || '（已清空）'}`)
    .join('\n\n')
}
