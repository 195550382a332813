import type { CollectionConfig } from 'payload'

import { releasePhotosOf } from '@collections/Photos/hooks/releasePhotosOf'
import { photosOfArticle } from '@/publishing/photoPublicity'
import { deleteArticleRecords } from './hooks/deleteArticleRecords'
import { enforceWorkflow } from './hooks/enforceWorkflow'
import { expireArticlePages, expireDeletedArticlePages } from './hooks/expireArticlePages'
import { explainDisabledBulkEdit } from './hooks/explainDisabledBulkEdit'
import { flagNeedsReview } from './hooks/flagNeedsReview'
import { keepDraftCreditsReadable } from './hooks/keepDraftCreditsReadable'
import { noteRestoreMode } from './hooks/noteRestoreMode'
import { rebaseRestoredVersion } from './hooks/rebaseRestoredVersion'
import { recordCharacterCount } from './hooks/recordCharacterCount'
import { recordCreditedBylines } from './hooks/recordCreditedBylines'
import { forgetLastSaveOfDeleted, recordLastSave } from './hooks/recordLastSave'
import { recordPublication } from './hooks/recordPublication'
import { recordRestore } from './hooks/recordRestore'
import { recordUsedPhotos } from './hooks/recordUsedPhotos'
import { refuseStaleSaves } from './hooks/refuseStaleSaves'
import { refusePendingCredits } from './hooks/refusePendingCredits'
import { refuseUnpublishing } from './hooks/refuseUnpublishing'
import { rememberPublicCopy } from './hooks/rememberPublicCopy'
import { requireBaseVersion } from './hooks/requireBaseVersion'
import { stampPublishedAt } from './hooks/stampPublishedAt'
import { stampSavedBy } from './hooks/stampSavedBy'
import { updatePhotoPublicity } from './hooks/updatePhotoPublicity'
import { removeFromSearchIndex, updateSearchIndex } from './hooks/updateSearchIndex'

/**
 * The article's hooks, in the order they must run: a restore is rebased on the current
 * version before the stale-copy check; the workflow decides the state before the publication
 * date is stamped; derived fields are computed from the final data; the photos readers see
 * and the pages that show the article are compared before and after the write.
 */
export const articleHooks: CollectionConfig['hooks'] = {
  beforeOperation: [requireBaseVersion, noteRestoreMode, refuseUnpublishing],
  beforeChange: [
    rebaseRestoredVersion,
    refuseStaleSaves,
    enforceWorkflow,
    refusePendingCredits,
    stampPublishedAt,
    flagNeedsReview,
    recordCreditedBylines,
    recordUsedPhotos,
    recordCharacterCount,
    stampSavedBy,
    rememberPublicCopy,
  ],
  afterChange: [keepDraftCreditsReadable, recordLastSave, recordRestore, recordPublication, updatePhotoPublicity, updateSearchIndex, expireArticlePages],
  beforeDelete: [deleteArticleRecords],
  afterDelete: [releasePhotosOf(photosOfArticle), removeFromSearchIndex, forgetLastSaveOfDeleted, expireDeletedArticlePages],
  afterError: [explainDisabledBulkEdit],
}
