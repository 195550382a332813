'use client'

import { type ReactNode, useEffect } from 'react'

/**
 * Accessible names that Payload, its Lexical editor and the sonner toaster hard-code in
 * English (no translation key exists for them, so `i18n.translations` cannot reach them).
 * Screen readers and tooltips read these to a Chinese desk.
 */
export const HARD_CODED_NAMES: Record<string, string> = {
  'Notifications alt+T': '通知（Alt+T）',
  'add dropdown': '插入菜单',
  'blocks dropdown': '段落类型菜单',
  'text dropdown': '文字格式菜单',
  'align dropdown': '对齐菜单',
  'Drag to move': '拖动以移动',
  'Add block': '添加段落',
  'Edit link': '编辑链接',
  'Remove link': '移除链接',
  'Insert Paragraph': '在末尾插入段落',
  Collapse: '收起',
  Expand: '展开',
  'toggle fullscreen': '切换全屏',
  toggle: '展开或收起',
}

/** Visible text Payload hard-codes in English: the live preview's built-in breakpoint. */
const HARD_CODED_TEXT: Record<string, string> = { Responsive: '自适应' }

const ATTRIBUTES = ['aria-label', 'title'] as const

/**
 * Payload interpolates some `{ zh, en }` labels without translating them first ("按 [object Object]
 * 升序 排序", "创建新的 [object Object]", "新增 [object Object]") or with none ("按 {{label}} …"):
 * the element's own visible label, found from these containers, takes the placeholder's place.
 */
const BROKEN_LABEL = /\[object Object\]|\{\{label\}\}/
const LABEL_SOURCES: [container: string, label: string][] = [
  ['.sort-column', '.sort-column__label'],
  ['.card', '.card__title'],
  ['.field-type', '.field-label'],
]

function visibleLabel(element: Element): string {
  for (const [container, label] of LABEL_SOURCES) {
    const text = element.closest(container)?.querySelector(label)?.textContent?.replace(/\*$/, '').trim()
    if (text) return text
  }
  return ''
}

/** Payload names its drawers by their internal slug (`doc-drawer_columns_1__r_1g_`, `list-drawer_1__r_5_`). */
const DRAWER_SLUG = /^[\w-]*drawer_/

/** A drawer's name for a screen reader: its heading (新建 专栏, 选择 图片) when shown, else what kind of drawer it is. */
function drawerName(drawer: Element, slug: string): string {
  const heading = drawer.querySelector('h1, h2, h3')?.textContent?.trim()
  return heading || (slug.startsWith('list-drawer') ? '选择列表' : '编辑窗口')
}

function relabel(element: Element): void {
  for (const attribute of ATTRIBUTES) {
    const value = element.getAttribute(attribute)
    if (!value) continue
    if (attribute === 'aria-label' && DRAWER_SLUG.test(value)) {
      element.setAttribute(attribute, drawerName(element, value))
      continue
    }
    if (BROKEN_LABEL.test(value)) {
      element.setAttribute(attribute, value.replace(BROKEN_LABEL, visibleLabel(element)).replace(/\s+/g, ' ').trim())
      continue
    }
    const chinese = HARD_CODED_NAMES[value]
    if (chinese) {
      element.setAttribute(attribute, chinese)
      continue
    }
    // Payload's checkbox gives its input the field's name as a tooltip (`title="needsReview"`):
    // use the field's visible label instead.
    if (attribute === 'title' && element instanceof HTMLInputElement && element.type === 'checkbox' && /^[\w.]+$/.test(value)) {
      const labelText = element.closest('.field-type')?.querySelector('.field-label, label')?.textContent?.replace(/\*$/, '').trim()
      if (labelText) element.setAttribute('title', labelText)
      else element.removeAttribute('title')
    }
  }
}

function retext(node: Node): void {
  const chinese = node.nodeValue ? HARD_CODED_TEXT[node.nodeValue] : undefined
  if (chinese) node.nodeValue = chinese
}

function relabelTree(root: Element): void {
  relabel(root)
  root.querySelectorAll('[aria-label], [title]').forEach(relabel)
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) retext(node)
}

/** Wraps the admin (admin.components.providers) and keeps those names Chinese as the page changes. */
export function ChineseAccessibleNames({ children }: { children?: ReactNode }) {
  useEffect(() => {
    relabelTree(document.body)
    const observer = new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        if (mutation.type === 'attributes') relabel(mutation.target as Element)
        else if (mutation.type === 'characterData') retext(mutation.target)
        else mutation.addedNodes.forEach((node) => (node instanceof Element ? relabelTree(node) : retext(node)))
      }
    })
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: [...ATTRIBUTES] })
    return () => observer.disconnect()
  }, [])
  return <>{children}</>
}
