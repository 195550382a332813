'use client'

import { useEffect, useRef, useState } from 'react'

import type { ImportDecision } from '@/import/decisions'
import type { FilePreview } from '@/import/endpoints'
import type { PageImport } from '@/import/importPage'
import { chosen, type EditionInput, ImportFilePreview } from './ImportFilePreview'

type Result = { name: string } & PageImport
type EncodedFile = { name: string; content: string }

const OUTCOMES = { created: '已新建', updated: '已更新', skipped: '已跳过' } as const
/** Typing a date or page name re-checks the preview once the editor pauses. */
const RECHECK_AFTER_MS = 500

async function encodeFiles(files: File[]): Promise<EncodedFile[]> {
  return Promise.all(
    files.map(async (file) => {
      const bytes = new Uint8Array(await file.arrayBuffer())
      let binary = ''
      for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000))
      return { name: file.name, content: btoa(binary) }
    }),
  )
}

/** The API's refusals, every message of them (one per file that is not a page). */
class Refusal extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join('\n'))
  }
}

async function post(path: string, files: unknown[]) {
  const response = await fetch(path, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ files }) })
  const body = await response.json().catch(() => null)
  if (!response.ok) throw new Refusal(body?.errors?.map((error: { message: string }) => error.message) ?? [`请求失败（${response.status}）`])
  return body.files
}

const editionFor = (preview: FilePreview, typed: EditionInput | undefined): EditionInput => {
  const from = preview.edition.value ?? preview.edition.fromPage
  return typed ?? { date: from.date ?? '', pageNumber: from.pageNumber ? String(from.pageNumber) : '', pageName: from.pageName ?? '' }
}

/**
 * Choose files → 预览: each article's fate (新建, 已导入, 已在网站上, with links), the edition to
 * confirm or fill in → 确认导入 → what was created, updated and skipped, with links.
 */
export function ImportPanel() {
  const [files, setFiles] = useState<EncodedFile[]>([])
  const [previews, setPreviews] = useState<FilePreview[] | null>(null)
  const [editions, setEditions] = useState<Record<number, EditionInput>>({})
  const [decisions, setDecisions] = useState<Record<number, Record<string, ImportDecision>>>({})
  const [stale, setStale] = useState(false)
  const [results, setResults] = useState<Result[] | null>(null)
  const [problems, setProblems] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const recheck = useRef<ReturnType<typeof setTimeout> | null>(null)

  const run = async (action: () => Promise<void>) => {
    setBusy(true)
    setProblems([])
    try {
      await action()
    } catch (error) {
      setProblems(error instanceof Refusal ? error.messages : [(error as Error).message])
    } finally {
      setBusy(false)
    }
  }

  const editionsOf = (current: Record<number, EditionInput>) => files.map((file, index) => ({ ...file, edition: current[index] }))
  // Only the newest preview counts: an older one answering late must not put back older values.
  const latestPreview = useRef(0)
  const previewNow = (current: Record<number, EditionInput>) =>
    run(async () => {
      const ticket = (latestPreview.current += 1)
      const next: FilePreview[] = await post('/api/import/preview', editionsOf(current))
      if (ticket !== latestPreview.current) return
      setPreviews(next)
      setResults(null)
      setEditions(Object.fromEntries(next.map((preview, index) => [index, editionFor(preview, current[index])])))
      setStale(false)
    })

  useEffect(
    () => () => {
      if (recheck.current) clearTimeout(recheck.current)
    },
    [],
  )

  const changeEdition = (index: number, edition: EditionInput) => {
    const next = { ...editions, [index]: edition }
    setEditions(next)
    setStale(true)
    if (recheck.current) clearTimeout(recheck.current)
    recheck.current = setTimeout(() => void previewNow(next), RECHECK_AFTER_MS)
  }

  const ready = previews !== null && !stale && problems.length === 0 && previews.every((preview) => preview.edition.value !== null)
  const importNow = () =>
    run(async () => {
      const body = editionsOf(editions).map((file, index) => ({
        ...file,
        decisions: Object.fromEntries((previews ?? [])[index]?.articles.map((plan) => [plan.index, chosen(plan, decisions[index] ?? {})]) ?? []),
      }))
      setResults(await post('/api/import', body))
    })

  return (
    <div className="newsroom-import">
      <p>
        选择从排版系统导出的版面文本（.txt，UTF-8 或 GB18030/GBK），或记者交来的 Word 稿件（.docx，图片连同图片说明一并导入）。先预览：每篇稿件会标明是新稿、已导入过，还是已在网站上；填好见报日期、版次和版名后确认导入，新稿建为草稿，出现在首页的“待编导入稿”里，不确定之处标在草稿的“待核事项”中。已有的稿件默认跳过，已发布或已撤稿的稿件绝不会被导入覆盖。
      </p>
      <label htmlFor="newsroom-import-files">版面文本或 Word 稿件</label>
      <input
        id="newsroom-import-files"
        type="file"
        multiple
        accept=".txt,.docx,.doc,.wps,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        onChange={async (event) => {
          const chosen = Array.from(event.target.files ?? [])
          setFiles(await encodeFiles(chosen))
          setPreviews(null)
          setResults(null)
          setEditions({})
          setDecisions({})
          setProblems([])
        }}
      />
      <div className="newsroom-import__actions">
        <button type="button" className="btn btn--style-secondary btn--size-small" disabled={busy || files.length === 0} onClick={() => previewNow(editions)}>
          预览
        </button>
        <button type="button" className="btn btn--style-primary btn--size-small" disabled={busy || !ready || results !== null} onClick={importNow}>
          确认导入
        </button>
        {stale && busy && <span role="status">正在按填写的版面信息重新核对…</span>}
      </div>
      {problems.length > 0 && (
        <div role="alert">
          {problems.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </div>
      )}
      {previews && !results && (
        <section data-testid="import-preview" aria-label="预览">
          {previews.map((preview, index) => (
            <ImportFilePreview
              key={`${index}-${preview.name}`}
              fileIndex={index}
              preview={preview}
              edition={editions[index] ?? editionFor(preview, undefined)}
              onEdition={(edition) => changeEdition(index, edition)}
              decisions={decisions[index] ?? {}}
              onDecision={(key, decision) => setDecisions({ ...decisions, [index]: { ...decisions[index], [key]: decision } })}
            />
          ))}
        </section>
      )}
      {results && (
        <section data-testid="import-results" aria-label="导入结果">
          {results.map((result, index) => (
            <div key={`${index}-${result.name}`} className="newsroom-import__file">
              <h2>{result.name}</h2>
              {result.status === 'refused' ? (
                <p role="alert">{result.problem}</p>
              ) : (
                <>
                  <p>
                    {result.status === 'created'
                      ? `已新建 ${result.articles.filter((article) => article.outcome === 'created').length} 篇草稿`
                      : '这一版的稿件都已存在，没有新建任何内容'}
                    {result.warnings.map((warning) => `；${warning}`)}
                  </p>
                  <ul>
                    {result.articles.map((article) => (
                      <li key={article.index} data-outcome={article.outcome}>
                        {OUTCOMES[article.outcome]}：{article.id != null ? <a href={`/admin/collections/articles/${article.id}`}>{article.title}</a> : article.title}
                        {article.needsReview && article.outcome !== 'skipped' && ' ⚠ 待核'}
                        {article.proofreading && ` · 校对：差错 ${article.proofreading.errors} 处，提示 ${article.proofreading.warnings} 处`}
                      </li>
                    ))}
                  </ul>
                  {result.unassigned.length > 0 && (
                    <details open data-testid="import-result-unassigned">
                      <summary>
                        未能归入任何稿件的文字 {result.unassigned.length} 段：请复制到相应稿件，再在
                        {result.record != null ? <a href={`/admin/collections/page-imports/${result.record}`}>导入记录</a> : '导入记录'}中勾选“已处理”
                      </summary>
                      <ol>
                        {result.unassigned.map((text, paragraph) => (
                          <li key={paragraph}>{text}</li>
                        ))}
                      </ol>
                    </details>
                  )}
                </>
              )}
            </div>
          ))}
        </section>
      )}
    </div>
  )
}
