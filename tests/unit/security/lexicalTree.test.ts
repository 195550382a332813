import type { FlattenedBlock, FlattenedField } from 'payload'

import { KNOWN_NODE_TYPES, type LexicalTreeRules, lexicalTreeProblems } from '@/security/lexicalTree'
import { blockNode, headingNode, paragraphNode, rootNode, uploadNode } from '@/seed/lexical'
import { autolinkNode, bodyCarrying, internalLinkNode, linkNode, paragraphOf, textNode } from '../../helpers/xssFixtures'

const field = (definition: Record<string, unknown>) => definition as unknown as FlattenedField
const block = (slug: string, fields: FlattenedField[]) => ({ slug, fields: [], flattenedFields: fields }) as unknown as FlattenedBlock

/** The article editor's shape (collections/Articles/body.ts) with small limits, so sizes are quick to reach. */
const RULES: LexicalTreeRules = {
  nodeTypes: ['paragraph', 'text', 'linebreak', 'tab', 'heading', 'quote', 'list', 'listitem', 'link', 'autolink', 'upload', 'horizontalrule', 'block'],
  headingTags: ['h2', 'h3'],
  listTags: { bullet: 'ul', number: 'ol' },
  uploadCollections: ['photos'],
  internalLinkCollections: ['articles'],
  blocks: [
    block('labelledBox', [
      field({ name: 'label', type: 'text', label: { zh: '标签' }, maxLength: 100 }),
      field({ name: 'variant', type: 'select', options: [{ value: 'box' }, { value: 'section' }] }),
      field({ name: 'text', type: 'textarea', label: { zh: '内容' }, maxLength: 5000 }),
    ]),
    block('editorNote', [field({ name: 'kind', type: 'select', options: ['editorsNote', 'preface'] }), field({ name: 'text', type: 'textarea', label: { zh: '内容' }, maxLength: 200 })]),
  ],
  limits: { characters: 1_000, nodes: 60, depth: 6 },
}

const isId = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value > 0
const check = (body: unknown, rules = RULES) => lexicalTreeProblems(body, rules, { isId, path: 'body', label: '正文' })
const messages = (body: unknown, rules = RULES) => check(body, rules).problems.map((problem) => problem.message)
const ELEMENT = { format: '', indent: 0, version: 1, direction: 'ltr' }
const list = (listType: string, tag: string, ...items: Record<string, unknown>[]) => ({ ...ELEMENT, type: 'list', listType, tag, start: 1, children: items })
const item = (...children: Record<string, unknown>[]) => ({ ...ELEMENT, type: 'listitem', value: 1, children })

describe('lexicalTreeProblems', () => {
  it('accepts a body using every node and block the article editor offers, and lists the photos it points at', () => {
    const body = bodyCarrying('正文“引号”<b>', 7, 'https://example.com/')
    ;(body.root.children as unknown[]).push(
      paragraphOf(textNode('一'), { type: 'linebreak', version: 1 }, { ...textNode('\t'), type: 'tab' }, autolinkNode('https://example.com', '自动链接'), internalLinkNode(3, '站内')),
      { type: 'horizontalrule', version: 1 },
      list('number', 'ol', item(textNode('甲'), list('bullet', 'ul', item(textNode('乙'))))),
    )
    expect(check(body)).toEqual({ problems: [], references: [{ path: 'body', relationTo: 'photos', id: 7 }] })
  })

  it.each([
    ['an html node', { type: 'html', version: 1, html: '<script>alert(1)</script>' }, '正文 › 第1段：不支持的节点类型“html”'],
    ['a node type no feature makes', { type: 'bogus', version: 1, children: [] }, '正文 › 第1段：不支持的节点类型“bogus”'],
    ['an inline block, which the editor does not configure', { type: 'inlineBlock', version: 1, fields: { blockType: 'editorNote' } }, '不支持的节点类型“inlineBlock”'],
    ['a heading with tag script', { ...headingNode('标题'), tag: 'script' }, '小标题级别只能是 h2、h3，现为“script”'],
    ['a heading with tag h1, which the editor does not enable', { ...headingNode('标题'), tag: 'h1' }, '现为“h1”'],
    ['a list with tag iframe', list('bullet', 'iframe', item(textNode('项'))), '列表标签 tag 应为 ul，现为“iframe”'],
    ['a check list, which the editor does not enable', list('check', 'ul', item(textNode('项'))), '列表类型 listType 只能是 bullet、number，现为“check”'],
    ['a paragraph whose children is a string', { ...paragraphNode('x'), children: 'abc' }, '正文 › 第1段：子节点 children 应为数组'],
    ['a text node whose text is a number', paragraphOf({ ...textNode('x'), text: 42 }), '正文 › 第1段 › 第1个子节点：文字 text 应为字符串'],
    ['a text node straight under the root', textNode('孤立的文字'), '正文 › 第1段：“text”节点不能放在这里'],
    ['a link inside a link', paragraphOf({ ...linkNode('https://a.example', '外'), children: [linkNode('https://b.example', '内')] }), '第1个子节点 › 第1个子节点：“link”节点不能放在这里'],
    ['a block whose type is unknown', blockNode('iframeEmbed', { src: 'https://evil.example' }), '正文 › 第1段：blockType：未知的内容块类型'],
    ['a block field of the wrong type', blockNode('editorNote', { kind: 'editorsNote', text: 42 }), 'text：应为文字'],
    ['a block field the block does not have', blockNode('editorNote', { kind: 'editorsNote', text: '按', script: 'x' }), 'script：没有这个字段'],
    ['a block option that is not one', blockNode('editorNote', { kind: 'shout', text: '按' }), 'kind：应为以下取值之一'],
    ['a block text over its limit', blockNode('editorNote', { kind: 'preface', text: '字'.repeat(201) }), '内容最多 200 个字，现有 201 个字'],
    ['an upload from another collection', uploadNode('users', 1), '图片只能来自图片库 photos，现为“users”'],
    ['an upload without an id', uploadNode('photos', 'abc'), '应给出图片的编号'],
    ['an internal link to another collection', paragraphOf({ ...internalLinkNode(1, '链'), fields: { linkType: 'internal', doc: { relationTo: 'users', value: 1 } } }), '站内链接只能指向 articles'],
    ['a link whose url is not text', paragraphOf({ ...linkNode('x', '链'), fields: { linkType: 'custom', url: { href: 'x' } } }), '链接地址 url 应为文字'],
    ['a horizontal rule with children', { type: 'horizontalrule', version: 1, children: [textNode('x')] }, '这种节点不能有子节点'],
    ['a text node carrying an outsized property', paragraphOf({ ...textNode('x'), style: 'color:red;'.repeat(300) }), '属性 style 过长'],
  ])('refuses %s, naming the node', (_, node, message) => {
    expect(messages(rootNode([node]))).toEqual([expect.stringContaining(message)])
  })

  it('counts paragraphs, list items and children in the path it names', () => {
    const body = rootNode([paragraphNode('一'), paragraphNode('二'), list('bullet', 'ul', item(textNode('甲')), item({ ...textNode('乙'), mode: 'loud' }))])
    expect(messages(body)).toEqual([expect.stringMatching(/^正文 › 第3段 › 第2项 › 第1个子节点：文字模式 mode/)])
  })

  it('refuses a document without a root node, or whose root is another node', () => {
    expect(messages({})).toEqual([expect.stringContaining('应有根节点 root')])
    expect(messages({ root: paragraphNode('x') })).toEqual([expect.stringContaining('根节点的 type 应为 root')])
  })

  it(`counts characters as code points over text and block text, refusing one past the limit`, () => {
    const astral = '𠀋'.repeat(RULES.limits.characters - 10)
    expect(messages(rootNode([paragraphNode(astral), blockNode('editorNote', { kind: 'preface', text: '按'.repeat(10) })]))).toEqual([])
    expect(messages(rootNode([paragraphNode(astral), blockNode('editorNote', { kind: 'preface', text: '按'.repeat(11) })]))).toEqual([
      `正文最多 ${RULES.limits.characters} 个字，现有 ${RULES.limits.characters + 1} 个字（at most ${RULES.limits.characters} characters）`,
    ])
  })

  it('refuses a tree of more nodes than the limit, once, without walking the rest', () => {
    const body = rootNode(Array.from({ length: 1_000 }, () => paragraphNode('段')))
    expect(messages(body)).toEqual([`正文：最多 ${RULES.limits.nodes} 个节点（at most ${RULES.limits.nodes} nodes: paragraphs, text runs, links, list items…）`])
  })

  it('refuses nesting past the depth limit, and a tree nested 100,000 deep without overflowing the stack', () => {
    const nested = (levels: number) => {
      let node: Record<string, unknown> = item(textNode('底'))
      for (let level = 0; level < levels; level += 1) node = { type: 'listitem', value: 1, children: [{ type: 'list', listType: 'bullet', tag: 'ul', children: [node] }] }
      return rootNode([list('bullet', 'ul', node)])
    }
    expect(messages(nested(1))).toEqual([])
    expect(messages(nested(3))).toEqual([expect.stringContaining(`嵌套不能超过 ${RULES.limits.depth} 层`)])
    expect(messages(nested(100_000))).toEqual([expect.stringContaining(`嵌套不能超过 ${RULES.limits.depth} 层`)])
  })

  it('answers a tree broken everywhere with at most 20 problems', () => {
    const body = rootNode(Array.from({ length: 50 }, () => ({ type: 'html', version: 1 })))
    expect(messages(body, { ...RULES, limits: { ...RULES.limits, nodes: 100 } })).toHaveLength(20)
  })

  it('knows the shape of every node type the article editor allows', () => {
    for (const type of RULES.nodeTypes) expect(KNOWN_NODE_TYPES).toContain(type)
  })
})
