import type { Metadata } from 'next'

import { Pagination } from '@/reader/components/Pagination'
import { SearchResultList } from '@/reader/components/SearchResultList'
import { FILTER_LABELS, getSearchChoices, getSearchResults, parseSearchParams } from '@/reader/data/search'
import { readerPaths } from '@/publishing/urls'

/** A filter drop-down of slugs, with an "all" choice first. */
function ChoiceSelect({ label, name, allLabel, choices, value }: { label: string; name: string; allLabel: string; choices: { slug: string; name: string }[]; value: string }) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value}>
        <option value="">{allLabel}</option>
        {choices.map((choice) => (
          <option key={choice.slug} value={choice.slug}>
            {choice.name}
          </option>
        ))}
      </select>
    </label>
  )
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

function toUrlParams(raw: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(raw)) {
    const first = Array.isArray(value) ? value[0] : value
    if (first !== undefined && first !== '' && name !== 'drafts') params.set(name, first)
  }
  return params
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = toUrlParams(await searchParams).get('q')?.trim()
  // Result pages are not for search engines: endless, and always changing.
  return { title: q ? `搜索：${q}` : '搜索', robots: { index: false, follow: true } }
}

export default async function SearchPage({ searchParams }: Props) {
  const urlParams = toUrlParams(await searchParams)
  const query = urlParams.get('q')?.trim() ?? ''
  const choices = await getSearchChoices()
  const parsed = query ? parseSearchParams(urlParams) : null
  const search = parsed?.ok ? await getSearchResults({ q: parsed.params.q, page: parsed.params.page, refs: parsed.params.refs, from: parsed.params.from, to: parsed.params.to }) : null
  const problem = parsed && !parsed.ok ? parsed.message : search && 'unknownFilter' in search ? `找不到所选的${FILTER_LABELS[search.unknownFilter]}` : null
  const results = search && 'results' in search ? search.results : null
  const value = (name: string) => urlParams.get(name) ?? ''
  return (
    <section className="search-page">
      <header className="archive-header">
        <h1>{query ? `搜索“${query}”` : '搜索'}</h1>
      </header>
      <form action={readerPaths.search()} method="get" role="search" aria-label="搜索与筛选" className="search-form">
        <p className="search-form__main">
          <label htmlFor="search-q">检索词</label>
          <input id="search-q" type="search" name="q" defaultValue={query} maxLength={100} placeholder="地名、人名、词语，多个词用空格分开" />
          <button type="submit">搜索</button>
        </p>
        <fieldset className="search-form__filters">
          <legend>缩小范围</legend>
          <ChoiceSelect label="专栏" name="column" allLabel="全部专栏" choices={choices.columns} value={value('column')} />
          <ChoiceSelect label="地区" name="region" allLabel="全部地区" choices={choices.regions} value={value('region')} />
          <label>
            起始日期
            <input type="date" name="from" defaultValue={value('from')} />
          </label>
          <label>
            截止日期
            <input type="date" name="to" defaultValue={value('to')} />
          </label>
          {value('byline') && <input type="hidden" name="byline" value={value('byline')} />}
        </fieldset>
      </form>
      {problem && (
        <p className="search-page__problem" role="alert">
          {problem}
        </p>
      )}
      {results && (
        <>
          <p className="archive-header__meta" role="status">
            {results.totalDocs > 0 ? `找到 ${results.totalDocs} 篇相关报道` : '没有找到相关报道。换个说法，或者少用几个词试试。'}
          </p>
          <SearchResultList hits={results.docs} />
          <Pagination
            basePath={readerPaths.search()}
            page={results.page}
            totalPages={Math.min(results.totalPages, 100)}
            hrefFor={(page) => readerPaths.search({ ...Object.fromEntries(urlParams), page: page > 1 ? page : undefined })}
          />
        </>
      )}
    </section>
  )
}
