import type { Payload } from 'payload'

import type { Article } from '@payload-types'
import type { Staff } from '../../helpers/newsroomUsers'
import { publishThroughChain, transitionAs } from '../../helpers/workflow'

/** Articles in the states the view counter meets, taken there through the newsroom's own workflow. */
export async function articleInState(payload: Payload, staff: Staff, state: 'draft' | 'published' | 'retracted', title: string, slug: string): Promise<Article> {
  const article = await payload.create({ collection: 'articles', data: { title, slug } as never, draft: true, user: { ...staff.editor, collection: 'users' as const } })
  if (state === 'draft') return article
  const published = await publishThroughChain(payload, staff, article.id)
  if (state === 'published') return published
  return transitionAs(payload, staff.chiefEditor, { id: article.id, action: 'retract', note: '本文所涉事实有误，现予撤稿。' })
}

/** Today's rows of article-views, as { articleId: views }. */
export async function storedViews(payload: Payload): Promise<Record<string, number>> {
  const { docs } = await payload.find({ collection: 'article-views', overrideAccess: true, depth: 0, pagination: false })
  return Object.fromEntries(docs.map((row) => [`${row.article}@${row.day}`, row.views]))
}
