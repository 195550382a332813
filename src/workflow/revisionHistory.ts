import type { PayloadRequest } from 'payload'

import { type DocumentId, relationId } from '@/data/relationId'
import { diffArticleTexts, type FieldDiff } from '@/newsroom/articleDiff'
import { diffBudget } from '@/newsroom/textDiff'
import { REVIEW_LEVEL_LABELS, type ReviewLevel } from '@/newsroom/reviewChain'
import { levelPendingIn, type WorkflowState } from '@/newsroom/workflow'
import { UNKNOWN_PERSON, usersById } from './reviewSheet'
import { storedVersion } from './versionText'
import { textsOf } from '@/data/articleTexts'

/** The stage a change was made at: while the writer had the copy, or while it waited for a level. */
export type RevisionStage = 'writing' | ReviewLevel
export const REVISION_STAGE_LABELS: Record<RevisionStage, string> = { writing: '采写', ...REVIEW_LEVEL_LABELS }

export type Revision = {
  version: DocumentId
  previous: DocumentId
  savedAt: string
  /** Null for the scheduler's saves and those made before saves were attributed. */
  savedBy: string | null
  stage: RevisionStage
  autosave: boolean
  /** Only the fields this save changed. */
  fields: FieldDiff[]
}

/**
 * A save made while the article waited for a level is that level's change (the reviewer edits,
 * then signs); a change to signed or published text waits for 终审 again.
 */
function stageOf(state: WorkflowState | null | undefined): RevisionStage {
  if (!state || state === 'draft' || state === 'returned') return 'writing'
  return levelPendingIn(state) ?? 'final'
}

/** 修改留痕: every saved change to the article's text, oldest first, with who made it and at which stage. */
export async function revisionHistoryOf(req: PayloadRequest, articleId: DocumentId): Promise<Revision[]> {
  // Every version Payload keeps (versions.maxPerDoc in collections/Articles): older ones are gone.
  const { docs } = await req.payload.findVersions({ collection: 'articles', where: { parent: { equals: articleId } }, sort: 'updatedAt', pagination: false, depth: 0, overrideAccess: true, req })
  const versions = docs.map(storedVersion)
  const texts = await textsOf(req, versions.map((version) => version.article))
  const savers = await usersById(req, versions.map((version) => relationId(version.article.savedBy)).filter((id): id is DocumentId => id != null))
  const nameOf = (id: DocumentId) => savers.get(String(id))?.name?.trim() || UNKNOWN_PERSON
  const budget = diffBudget()
  return versions.flatMap((version, index) => {
    if (index === 0) return []
    const fields = diffArticleTexts(texts[index - 1], texts[index], budget).filter((field) => field.ops.some((op) => op.op !== 'equal'))
    if (fields.length === 0) return []
    const savedBy = relationId(version.article.savedBy)
    return [{ version: version.id, previous: versions[index - 1].id, savedAt: version.updatedAt, savedBy: savedBy == null ? null : nameOf(savedBy), stage: stageOf(version.article.workflowState as WorkflowState), autosave: version.autosave, fields }]
  })
}
