'use client'

import { useState } from 'react'

import type { FilePreview } from '../../import/endpoints'
import type { PageImport } from '../../import/importPage'

type Result = { name: string } & (PageImport | { status: 'refused'; problem: string })

async function encodeFiles(files: File[]) {
  return Promise.all(
    files.map(async (file) => {
      const bytes = new Uint8Array(await file.arrayBuffer())
      let binary = ''
      for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000))
      return { name: file.name, content: btoa(binary) }
    }),
  )
}

async function post(path: string, files: File[]) {
  const response = await fetch(path, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ files: await encodeFiles(files) }) })
  const body = await response.json()
  if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? `请求失败（${response.status}）`)
  return body.files
}

/** Choose files → 预览 (nothing written) → 确认导入 (drafts created) → links to the drafts. */
export function ImportPanel() {
  const [files, setFiles] = useState<File[]>([])
  const [previews, setPreviews] = useState<FilePreview[] | null>(null)
  const [results, setResults] = useState<Result[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async (action: () => Promise<void>) => {
    setBusy(true)
    setProblem(null)
    try {
      await action()
    } catch (error) {
      setProblem((error as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="newsroom-import">
      <p>选择从排版系统导出的版面文本（.txt，UTF-8 或 GB18030/GBK）。先预览识别结果，确认后每篇稿件建为一篇草稿；不确定之处会标在草稿的“待核事项”里。同一版重复导入不会重复建稿。</p>
      <label htmlFor="newsroom-import-files">版面文本文件</label>
      <input
        id="newsroom-import-files"
        type="file"
        multiple
        accept=".txt,text/plain"
        onChange={(event) => {
          setFiles(Array.from(event.target.files ?? []))
          setPreviews(null)
          setResults(null)
        }}
      />
      <div className="newsroom-import__actions">
        <button type="button" className="btn btn--style-secondary btn--size-small" disabled={busy || files.length === 0} onClick={() => run(async () => setPreviews(await post('/api/import/preview', files)))}>
          预览
        </button>
        <button
          type="button"
          className="btn btn--style-primary btn--size-small"
          disabled={busy || !previews || !previews.some((preview) => preview.ok)}
          onClick={() => run(async () => setResults(await post('/api/import', files)))}
        >
          确认导入
        </button>
      </div>
      {problem && <p role="alert">{problem}</p>}
      {previews && !results && (
        <section data-testid="import-preview" aria-label="预览">
          {previews.map((preview) => (
            <div key={preview.name} className="newsroom-import__file">
              <h2>{preview.name}</h2>
              {!preview.ok ? (
                <p role="alert">{preview.problem}</p>
              ) : (
                <>
                  <p>
                    将新建 {preview.parse.articles.length} 篇草稿（{preview.encoding === 'gb18030' ? '已从 GB18030 转换' : 'UTF-8'}）
                    {preview.parse.unassigned.length > 0 && `；${preview.parse.unassigned.length} 段无法归属，不会建稿`}
                  </p>
                  <ol>
                    {preview.parse.articles.map((article, index) => (
                      <li key={index}>
                        <strong>{article.title}</strong>
                        {article.column && <span>（{article.column.name}{article.column.installment ?? ''}）</span>}
                        <span> {article.bylines.map((byline) => byline.name).join(' ')}</span>
                        <span> · {article.paragraphs.length} 段</span>
                        {article.warnings.length > 0 && (
                          <ul className="newsroom-import__warnings">
                            {article.warnings.map((warning) => (
                              <li key={warning}>⚠ {warning}</li>
                            ))}
                          </ul>
                        )}
                      </li>
                    ))}
                  </ol>
                  {preview.parse.warnings.map((warning) => (
                    <p key={warning}>⚠ {warning}</p>
                  ))}
                </>
              )}
            </div>
          ))}
        </section>
      )}
      {results && (
        <section data-testid="import-results" aria-label="导入结果">
          {results.map((result) => (
            <div key={result.name} className="newsroom-import__file">
              <h2>{result.name}</h2>
              {result.status === 'refused' ? (
                <p role="alert">{result.problem}</p>
              ) : (
                <>
                  <p>{result.status === 'created' ? `已新建 ${result.articles?.length ?? 0} 篇草稿` : '这一版已经导入过，没有新建任何内容'}</p>
                  <ul>
                    {result.articles?.map((article) => (
                      <li key={String(article.id)}>
                        <a href={`/admin/collections/articles/${article.id}`}>{article.title}</a>
                        {article.needsReview && ' ⚠ 待核'}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          ))}
        </section>
      )}
    </div>
  )
}
