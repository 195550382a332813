/**
 * An article's values nobody types: kept by the server (ids, times, the workflow's fields, the
 * owner, the slug) or derived on save (字数, credited bylines, used photos, the review flag, who saved it).
 * Two copies of an article differ in them without anyone having changed its text, and a new
 * article holds them without anyone having typed into it.
 */
export const UNTYPED_ARTICLE_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'createdAt',
  'updatedAt',
  '_status',
  'workflowState',
  'owner',
  'slug',
  'publishedAt',
  'publishedAt_tz',
  'scheduledFor',
  'publishedLateBy',
  'characterCount',
  'creditedBylines',
  'usedPhotos',
  'needsReview',
  'savedBy',
  'reviewSigners',
])
