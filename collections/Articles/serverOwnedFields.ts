import type { FieldAccess } from 'payload'

import { nobodyField, staffOnlyField } from '@/access/rules'

/**
 * Fields only the workflow service sets (src/workflow/transitionArticle.ts, which the
 * scheduler uses too, writes with overrideAccess), and the seed and the importer (Local API
 * with overrideAccess). Anything else sending them, over REST, GraphQL or the admin and in
 * every role, has the value dropped as Payload does for field access: the admin posts its
 * whole form on every save, so a refusal would break ordinary saves.
 */
export const WORKFLOW_OWNED_FIELDS = ['workflowState', 'owner', 'publishedAt', 'scheduledFor', 'publishedLateBy', 'retraction', 'reviewRound', 'returnedAtLevel', 'reviewSigners'] as const

/** What a version restore must take from the current article instead of the old copy. */
export const SERVER_OWNED_FIELDS = [...WORKFLOW_OWNED_FIELDS, 'sourceKey'] as const

export const workflowOwned: { create: FieldAccess; update: FieldAccess } = { create: nobodyField, update: nobodyField }

/** Workflow-owned and, unlike the publication date and the retraction notice, internal. */
export const internalWorkflowOwned = { read: staffOnlyField, ...workflowOwned }
