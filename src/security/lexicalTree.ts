import type { FlattenedBlock } from 'payload'

import { checkBlockData, type IdCheck, isPlainObject, type Reference, type ShapeProblem } from './requestShape'
import { codePointCount, MAX_URL_LENGTH, overLimitMessage } from './textLimits'
import type { DocumentId } from '@/data/relationId'

/**
 * Checks a rich text value node by node against what its editor can produce. Payload checks a
 * Lexical tree only when a document is published, and even then passes node types it has no
 * validator for (`html`, made-up ones) and leaves a `children` that is not an array to crash
 * its hooks with a 500. Drafts are what previews render and what gets published later, so the
 * tree is checked on every save: node types from an allow-list, each node's shape, the blocks'
 * data, and the size rule (characters, nodes, depth).
 */
export type LexicalTreeRules = {
  /** The node types the editor's features produce; each must be one of KNOWN_NODE_TYPES. */
  nodeTypes: readonly string[]
  headingTags: readonly string[]
  /** List type → the tag Lexical writes for it. */
  listTags: Readonly<Record<string, string>>
  uploadCollections: readonly string[]
  internalLinkCollections: readonly string[]
  blocks: readonly FlattenedBlock[]
  limits: { characters: number; nodes: number; depth: number }
}

export type TreeCheck = { problems: ShapeProblem[]; references: Reference[] }

type Node = Record<string, unknown>
type Content = keyof typeof CONTENT
type NodeSpec = { content?: Content; check?: (node: Node, walk: Walk) => string | null }

const BLOCK_LEVEL = ['paragraph', 'heading', 'quote', 'list', 'horizontalrule', 'upload', 'block']
const TEXT_LEVEL = ['text', 'linebreak', 'tab']
const INLINE = [...TEXT_LEVEL, 'link', 'autolink']
/** Which nodes Lexical lets each element hold: decorator blocks sit only at the top level, links hold no links. */
const CONTENT = {
  blocks: new Set(BLOCK_LEVEL),
  inline: new Set(INLINE),
  linkText: new Set(TEXT_LEVEL),
  listItems: new Set(['listitem']),
  listItemContent: new Set([...INLINE, 'list']),
}
const ELEMENT_FORMATS = new Set(['', 'left', 'start', 'center', 'right', 'end', 'justify'])
const DIRECTIONS = new Set([null, 'ltr', 'rtl'])
const TEXT_MODES = new Set(['normal', 'token', 'segmented'])
/** A block's text that readers read, which counts towards the body's characters. */
const TEXT_FIELD_TYPES = new Set(['text', 'textarea'])
const MAX_INDENT = 10
/** Enough to show what is wrong without answering a broken tree with thousands of lines. */
const MAX_PROBLEMS = 20

const NODE_SPECS: Readonly<Record<string, NodeSpec>> = {
  root: { content: 'blocks' },
  paragraph: { content: 'inline' },
  heading: { content: 'inline', check: (node, walk) => (walk.rules.headingTags.includes(node.tag as string) ? null : `小标题级别只能是 ${walk.rules.headingTags.join('、')}，现为“${String(node.tag)}”（heading tag not allowed）`) },
  quote: { content: 'inline' },
  list: { content: 'listItems', check: listProblem },
  listitem: { content: 'listItemContent', check: (node) => (isInteger(node.value) && (node.checked === undefined || typeof node.checked === 'boolean') ? null : '列表项的编号 value 应为整数（list item value must be an integer）') },
  link: { content: 'linkText', check: linkProblem },
  autolink: { content: 'linkText', check: linkProblem },
  text: { check: textProblem },
  tab: { check: textProblem },
  linebreak: {},
  horizontalrule: {},
  upload: { check: uploadProblem },
  block: { check: blockProblem },
}
export const KNOWN_NODE_TYPES: readonly string[] = Object.keys(NODE_SPECS)

export function lexicalTreeProblems(value: unknown, rules: LexicalTreeRules, options: { isId: IdCheck; path: string; label: string }): TreeCheck {
  const walk = new Walk(rules, options)
  const root = isPlainObject(value) ? value.root : undefined
  if (!isPlainObject(root)) walk.report([], '应有根节点 root（expected a root node）')
  else if (root.type !== 'root') walk.report([], '根节点的 type 应为 root（the root node must have type "root"）')
  else walk.visit(root, [], 1, new Set(['root']))
  if (walk.characters > rules.limits.characters) walk.problems.unshift({ path: options.path, message: overLimitMessage(options.label, rules.limits.characters, walk.characters) })
  return { problems: walk.problems.slice(0, MAX_PROBLEMS), references: walk.references }
}

class Walk {
  problems: ShapeProblem[] = []
  references: Reference[] = []
  characters = 0
  private nodes = 0
  private readonly allowed: ReadonlySet<string>

  constructor(
    readonly rules: LexicalTreeRules,
    private readonly options: { isId: IdCheck; path: string; label: string },
  ) {
    this.allowed = new Set(['root', ...rules.nodeTypes])
  }

  get isId(): IdCheck {
    return this.options.isId
  }

  refer(relationTo: string, id: DocumentId): void {
    this.references.push({ path: this.options.path, relationTo, id })
  }

  report(at: readonly string[], message: string): void {
    const where = [this.options.label, ...at].join(' › ')
    this.problems.push({ path: this.options.path, message: `${where}：${message}` })
  }

  get stopped(): boolean {
    return this.problems.length >= MAX_PROBLEMS || this.nodes > this.rules.limits.nodes
  }

  visit(node: unknown, at: readonly string[], depth: number, fits: ReadonlySet<string>): void {
    if (this.stopped) return
    this.nodes += 1
    const { limits } = this.rules
    if (this.nodes > limits.nodes) return this.report([], `最多 ${limits.nodes} 个节点（at most ${limits.nodes} nodes: paragraphs, text runs, links, list items…）`)
    if (!isPlainObject(node)) return this.report(at, '应为节点对象（expected a node object）')
    const type = node.type
    const spec = typeof type === 'string' && this.allowed.has(type) ? NODE_SPECS[type] : undefined
    if (!spec) return this.report(at, `不支持的节点类型“${String(type)}”（node type not allowed in this editor）`)
    if (!fits.has(type as string)) return this.report(at, `“${String(type)}”节点不能放在这里（node not allowed at this position）`)
    const problem = shapeProblem(node, spec) ?? spec.check?.(node, this) ?? null
    if (problem) return this.report(at, problem)
    if (type === 'text' || type === 'tab') this.characters += codePointCount(node.text as string)
    if (!spec.content) return
    if (depth >= limits.depth) return this.report(at, `嵌套不能超过 ${limits.depth} 层（nested too deeply）`)
    const children = node.children as unknown[]
    const childName = type === 'root' ? '段' : type === 'list' ? '项' : '个子节点'
    children.forEach((child, index) => this.visit(child, [...at, `第${index + 1}${childName}`], depth + 1, CONTENT[spec.content!]))
  }
}

/** What every node of a type shares: children where they belong, Lexical's formats, no outsized strings. */
function shapeProblem(node: Node, spec: NodeSpec): string | null {
  if (node.version !== undefined && !isInteger(node.version)) return 'version 应为整数（version must be an integer）'
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'string' && key !== 'text' && value.length > MAX_URL_LENGTH) return `属性 ${key} 过长（property too long）`
  }
  if (!spec.content) return node.children === undefined ? null : '这种节点不能有子节点（this node takes no children）'
  if (!Array.isArray(node.children)) return '子节点 children 应为数组（children must be an array）'
  if (node.format !== undefined && !ELEMENT_FORMATS.has(node.format as string)) return '对齐方式 format 无效（unknown element format）'
  if (node.indent !== undefined && !(isInteger(node.indent) && (node.indent as number) >= 0 && (node.indent as number) <= MAX_INDENT)) return `缩进 indent 应为 0 到 ${MAX_INDENT} 的整数`
  if (node.direction !== undefined && !DIRECTIONS.has(node.direction as string | null)) return '文字方向 direction 应为 ltr、rtl 或 null'
  return null
}

function textProblem(node: Node): string | null {
  if (typeof node.text !== 'string') return '文字 text 应为字符串（text must be a string）'
  if (node.type === 'tab' && node.text !== '\t') return '制表符节点只能含一个制表符（a tab node holds one tab）'
  if (node.format !== undefined && !(isInteger(node.format) && (node.format as number) >= 0)) return '文字格式 format 应为非负整数（text format must be a bit mask）'
  if (node.detail !== undefined && !isInteger(node.detail)) return 'detail 应为整数'
  if (node.mode !== undefined && !TEXT_MODES.has(node.mode as string)) return '文字模式 mode 应为 normal、token 或 segmented'
  if (node.style !== undefined && typeof node.style !== 'string') return '样式 style 应为字符串'
  return null
}

function listProblem(node: Node, walk: Walk): string | null {
  const tags = walk.rules.listTags
  const tag = tags[node.listType as string]
  if (!Object.hasOwn(tags, node.listType as string)) return `列表类型 listType 只能是 ${Object.keys(tags).join('、')}，现为“${String(node.listType)}”`
  if (node.tag !== tag) return `列表标签 tag 应为 ${tag}，现为“${String(node.tag)}”（list tag must match its type）`
  if (node.start !== undefined && !isInteger(node.start)) return '列表起始编号 start 应为整数'
  return null
}

function linkProblem(node: Node, walk: Walk): string | null {
  const fields = node.fields
  if (!isPlainObject(fields)) return '链接设置 fields 应为对象（link fields must be an object）'
  if (fields.newTab !== undefined && typeof fields.newTab !== 'boolean') return '“在新窗口打开” newTab 应为 true 或 false'
  if (fields.linkType === 'internal' && node.type === 'link') {
    const doc = fields.doc
    const target = isPlainObject(doc) ? doc : {}
    if (!walk.rules.internalLinkCollections.includes(target.relationTo as string)) return `站内链接只能指向 ${walk.rules.internalLinkCollections.join('、')}（internal links point at these collections）`
    return idOf(target.value, walk.isId) === undefined ? '站内链接应给出稿件编号（internal link needs a document id）' : null
  }
  if (fields.linkType !== undefined && fields.linkType !== 'custom') return `链接类型 linkType 只能是 custom${node.type === 'link' ? ' 或 internal' : ''}`
  // Whether the URL is safe is refuseUnsafeLinks' question (collections/Articles/body.ts), with its own message.
  if (typeof fields.url !== 'string') return '链接地址 url 应为文字（link url must be text）'
  return fields.url.length > MAX_URL_LENGTH ? `链接地址最多 ${MAX_URL_LENGTH} 个字符（url too long）` : null
}

function uploadProblem(node: Node, walk: Walk): string | null {
  const relationTo = node.relationTo as string
  if (!walk.rules.uploadCollections.includes(relationTo)) return `图片只能来自图片库 ${walk.rules.uploadCollections.join('、')}，现为“${String(relationTo)}”`
  if (node.fields !== undefined && node.fields !== null && !isPlainObject(node.fields)) return 'fields 应为对象'
  const id = idOf(node.value, walk.isId)
  if (id === undefined) return '应给出图片的编号（upload needs the id of a photo）'
  walk.refer(relationTo, id)
  return null
}

function blockProblem(node: Node, walk: Walk): string | null {
  const { problems, references } = checkBlockData(node.fields, walk.rules.blocks, { isId: walk.isId })
  for (const reference of references) walk.refer(reference.relationTo, reference.id)
  if (problems.length > 0) return problems.map((problem) => (problem.path ? `${problem.path}：${problem.message}` : problem.message)).join('；')
  const fields = node.fields as Node
  const definition = walk.rules.blocks.find((candidate) => candidate.slug === fields.blockType)
  for (const blockField of definition?.flattenedFields ?? []) {
    const value = fields[blockField.name]
    if (TEXT_FIELD_TYPES.has(blockField.type) && typeof value === 'string') walk.characters += codePointCount(value)
  }
  return null
}

/** An id, or a populated document carrying one, as the admin sends related documents back. */
function idOf(value: unknown, isId: IdCheck): DocumentId | undefined {
  if (isId(value)) return value as DocumentId
  return isPlainObject(value) && isId(value.id) ? (value.id as DocumentId) : undefined
}

function isInteger(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value)
}
