import type { FieldHook } from 'payload'

import type { Article } from '@payload-types'
import { deckWithoutDash } from '@/newsroom/deck'

/** The 副题's dash is added when it is shown: a typed `——记者手记` is stored as `记者手记`. */
export const stripDeckDash: FieldHook<Article, Article['subtitle']> = ({ value }) =>
  typeof value === 'string' ? deckWithoutDash(value) : value
