import type { WorkflowAction, WorkflowState } from '@/newsroom/workflow'
import type { PublicCopy } from '@/publishing/photoPublicity'

/** A save that publishes without a workflow step (the admin's 发布 button), for recordPublication to log. */
/** A save that is a step of the workflow too, recorded once it is stored: publishing with Payload's button, or a change after 终审 that sends the article back to 待终审. */
export type ImplicitPublish = { from: WorkflowState; to: WorkflowState; action: 'publish' | 'publishChanges' | 'changeAfterSigning' }

/** What recordRestore writes into the history once a restored version is saved. */
export type RestoredVersion = { savedAt: string | null }

/** Each article's public copy before a save, by id (rememberPublicCopy). */
export type PublicCopiesBefore = Record<string, Partial<PublicCopy> | null>

/**
 * Every key the product puts on a request's `context`, named once on Payload's own type so
 * each hook reads it typed instead of casting. Hooks of one save hand these to each other;
 * nested saves inherit them with the request.
 */
declare module 'payload' {
  export interface RequestContext {
    /** The seed loader's saves: hooks that exist for editors (workflow rules, cache expiry, reindexing) stand aside. */
    seeding?: boolean
    /** The workflow step this save belongs to (src/workflow/transitionArticle.ts): the rules against direct status changes let it through. */
    workflowTransition?: WorkflowAction
    implicitPublish?: ImplicitPublish
    /** Set by Payload's restoreVersion operation itself. */
    isRestoringVersion?: boolean
    /** A restore saved as a draft (noteRestoreMode), not published. */
    restoringAsDraft?: boolean
    restoredVersion?: RestoredVersion
    publicCopyBefore?: PublicCopiesBefore
    /** Tags already expired by this request, so a save touching many documents expires each tag once. */
    invalidatedCacheTags?: string[]
    /** A column's installments renumbered together: each one's own numbering hook stands aside. */
    renumbering?: boolean
    /** An installment updated because its article changed: it must not update the article back. */
    installmentSync?: boolean
  }
}
