import { pageFromSegments } from '@/publishing/urls'
import { type ArticleListQuery, type ArticlePage, getArticleList, isListPage } from './articles'

export type Archive<T> = { subject: T; page: number; list: ArticlePage }

/**
 * One page of an archive (a byline's, a tag's, a region's): what the address names, which page
 * of its articles it asks for, and those articles. Null when either does not exist.
 */
export async function loadArchive<T>(segments: string[] | undefined, findSubject: () => Promise<T | null>, filterFor: (subject: T) => ArticleListQuery): Promise<Archive<T> | null> {
  const page = pageFromSegments(segments)
  if (page === null || !isListPage(page)) return null
  const subject = await findSubject()
  if (!subject) return null
  const list = await getArticleList(filterFor(subject), page)
  // Past the last page is not a page: an empty page 1 is (an archive with nothing yet).
  if (page > 1 && list.docs.length === 0) return null
  return { subject, page, list }
}
