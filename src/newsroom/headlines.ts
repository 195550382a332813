/**
 * An article's two headlines, as Chinese papers edit them: the print headline (报题: 引题,
 * 主题, 副题, set on the page) and an optional web headline (网题) for the site, feeds and
 * shares, usually shorter and complete on its own. Every reader-facing surface asks here
 * which one to show, so none of them decides it alone.
 */
import { printedDeck } from './deck'

export type Headlines = { title: string; webTitle?: string | null; kicker?: string | null; subtitle?: string | null }

/** The desk's web headline, if it wrote one (blank counts as none). */
export function webTitleOf(article: Pick<Headlines, 'webTitle'>): string | null {
  return article.webTitle?.trim() || null
}

/** The headline online: the 网题 when set, else the print 主题. */
export function webHeadlineOf(article: Pick<Headlines, 'title' | 'webTitle'>): string {
  return webTitleOf(article) ?? article.title
}

/** The print headline (报题) on one line: `引题 主题 ——副题`, as a deck of alternatives or a note. */
export function printHeadlineOf(article: Headlines): string {
  return [article.kicker?.trim(), article.title, printedDeck(article.subtitle)].filter(Boolean).join(' ')
}
