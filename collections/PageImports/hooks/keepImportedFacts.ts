import type { CollectionBeforeChangeHook } from 'payload'

/** What the importer recorded; an editor's change may only tick blocks of unassigned text off (or on again). */
const RECORDED = ['fileName', 'pageKey', 'format', 'editionDate', 'pageNumber', 'pageName', 'importedBy', 'articles', 'warnings'] as const

type Block = { id?: string | null; text: string; assigned?: boolean | null }

export const keepImportedFacts: CollectionBeforeChangeHook = ({ data, originalDoc, operation }) => {
  if (operation !== 'update' || !originalDoc) return data
  const ticked = new Map(((data.unassigned ?? []) as Block[]).map((block) => [block.id, Boolean(block.assigned)]))
  const recorded = Object.fromEntries(RECORDED.map((field) => [field, originalDoc[field]]))
  return { ...data, ...recorded, unassigned: ((originalDoc.unassigned ?? []) as Block[]).map((block) => ({ ...block, assigned: ticked.get(block.id) ?? Boolean(block.assigned) })) }
}
