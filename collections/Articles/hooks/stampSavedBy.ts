import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '@payload-types'

/** Each version records who saved it (nobody for the scheduler): 修改留痕 attributes every change to a person. */
export const stampSavedBy: CollectionBeforeChangeHook<Article> = ({ data, req }) => ({ ...data, savedBy: (req.user?.collection === 'users' ? req.user.id : null) as Article['savedBy'] })
