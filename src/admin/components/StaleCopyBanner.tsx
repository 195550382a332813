'use client'

import { Button, useConfig, useDocumentInfo, useForm, useTranslation } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useEffect, useMemo, useState } from 'react'

import { changedFields, fieldLabels, staleCopyHeadline, unsavedChangesText } from './staleCopy'
import { useStaleCopyWatch } from './useStaleCopyWatch'

/** Payload's header says "上次保存 …" from its lock's clock even after a refused save: it says 未保存 instead. */
const NOT_SAVED_HEADER = `.doc-controls .autosave { display: none; }
.doc-controls__list-item:has(> .autosave)::after { content: '未保存'; font-weight: 600; color: var(--theme-error-500); }`

type Data = Record<string, unknown>

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    // No clipboard API off HTTPS on a LAN host name: the text is shown to copy by hand.
    return false
  }
}

/**
 * A persistent banner at the top of the article's edit view once its copy is out of date:
 * who changed the article and when, what they changed and what this window holds unsaved,
 * a link to the version comparison, a way to copy this window's changes, and a reload that
 * warns first. Above it in the header, 未保存 replaces Payload's 上次保存 after any refused save.
 */
export function StaleCopyBanner() {
  const { refused, stale } = useStaleCopyWatch()
  const { id, collectionSlug, data: savedCopy } = useDocumentInfo()
  const { config, getEntityConfig } = useConfig()
  const { i18n } = useTranslation()
  const form = useForm()
  const [theirChanges, setTheirChanges] = useState<string[] | null>(null)
  const [confirmingReload, setConfirmingReload] = useState(false)
  const [copied, setCopied] = useState<{ ok: boolean; text: string } | null>(null)

  const labels = useMemo(() => {
    const translate = (label: unknown) =>
      typeof label === 'string' ? label : label && typeof label === 'object' ? String((label as Record<string, string>)[i18n.language] ?? (label as Record<string, string>).zh ?? '') : ''
    return fieldLabels((getEntityConfig({ collectionSlug })?.fields ?? []) as Parameters<typeof fieldLabels>[0], translate)
  }, [collectionSlug, getEntityConfig, i18n.language])

  useEffect(() => {
    if (!stale || !id) return
    void fetch(`${config.serverURL}${config.routes.api}/${collectionSlug}/${id}?draft=true&depth=0`, { credentials: 'include' })
      .then((response) => (response.ok ? (response.json() as Promise<Data>) : null))
      .then((latest) => setTheirChanges(latest ? changedFields(savedCopy ?? {}, latest, labels) : null))
      .catch(() => setTheirChanges(null))
  }, [collectionSlug, config.routes.api, config.serverURL, id, labels, savedCopy, stale])

  if (!refused && !stale) return null
  if (!stale) return <style>{NOT_SAVED_HEADER}</style>

  const mine = changedFields(savedCopy ?? {}, form.getData(), labels)
  const diffHref = formatAdminURL({ adminRoute: config.routes.admin, path: `/collections/${collectionSlug}/${id}/versions${stale.versionId ? `/${stale.versionId}` : ''}` })
  const copyMine = async () => {
    const text = unsavedChangesText(savedCopy ?? {}, form.getData(), labels)
    setCopied({ ok: await copyText(text), text })
  }

  return (
    <div className="stale-copy" role="alert" data-testid="stale-copy-banner">
      <style>{NOT_SAVED_HEADER}</style>
      <p className="stale-copy__headline">{staleCopyHeadline(stale)}</p>
      <p>
        您正在编辑的是旧副本，在这里的修改不会再被保存。
        {theirChanges && theirChanges.length > 0 ? `${stale.byYou ? '另一个窗口' : '对方'}改动了：${theirChanges.join('、')}。` : ''}
        {mine.length > 0 ? `您在这里尚未保存的改动：${mine.join('、')}。` : ''}
      </p>
      <div className="stale-copy__actions">
        <a className="btn btn--style-secondary btn--size-small" href={diffHref} target="_blank" rel="noopener">
          查看差异
        </a>
        {mine.length > 0 && (
          <Button buttonStyle="secondary" size="small" onClick={() => void copyMine()}>
            复制我的修改
          </Button>
        )}
        <Button buttonStyle="primary" size="small" onClick={() => setConfirmingReload(true)}>
          重新载入最新版本
        </Button>
      </div>
      {copied && (
        <div className="stale-copy__copied" role="status">
          {copied.ok ? '已复制您的修改，重新载入后可粘贴回去。' : '浏览器不允许自动复制，请手动复制下面的内容：'}
          {!copied.ok && <textarea readOnly value={copied.text} rows={6} onFocus={(event) => event.currentTarget.select()} />}
        </div>
      )}
      {confirmingReload && (
        <div className="stale-copy__confirm">
          <p>重新载入后，此窗口中尚未保存的输入将会丢失{mine.length > 0 ? `（${mine.join('、')}）；如需保留，请先点“复制我的修改”` : ''}。</p>
          <Button buttonStyle="primary" size="small" onClick={() => window.location.reload()}>
            确定重新载入
          </Button>
          <Button buttonStyle="secondary" size="small" onClick={() => setConfirmingReload(false)}>
            取消
          </Button>
        </div>
      )}
    </div>
  )
}
