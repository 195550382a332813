import { describe, expect, it } from '@jest/globals'

import { lexicalToPlainText, type LexicalNode } from '@/newsroom/lexicalText'
import { plainTextAtoms, replaceInLexicalText } from '@/newsroom/lexicalTextEdit'
import { blockNode, headingNode, paragraphNode, rootNode, uploadNode } from '@/seed/lexical'

const text = (value: string, format = 0) => ({ type: 'text', text: value, format, style: '', mode: 'normal', detail: 0, version: 1 }) as LexicalNode
const paragraph = (...children: LexicalNode[]) => ({ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', children }) as LexicalNode
const list = (...items: LexicalNode[][]): LexicalNode => ({ type: 'list', listType: 'bullet', children: items.map((children) => ({ type: 'listitem', children })) }) as LexicalNode

const BODY = rootNode([
  paragraphNode('  记者张福芳报道：今年全省将新改建农村公路5000公里。 '),
  headingNode('织密红色网格,治理精准到人'),
  paragraph(text('我们要'), text('再接再励', 1), text('，'), { type: 'linebreak' }, text('把好事办好。')),
  list([text('第一条')], [text('第二条'), list([text('嵌套的一条')])]),
  blockNode('labelledBox', { label: '数说新化', text: '规模工业企业190家\n工业总产值223.32亿元' }),
  blockNode('editorNote', { kind: 'editorsNote', text: '本版稿件由县委宣传部提供' }),
  uploadNode('photos', 7),
  paragraphNode(''),
])

describe('editing the body’s plain text in its Lexical JSON', () => {
  it('maps every character of the plain text back to the body, the plain text exactly', () => {
    expect(plainTextAtoms(BODY).map((atom) => atom.unit).join('')).toBe(lexicalToPlainText(BODY))
  })

  it('replaces a span inside one text node, keeping its formatting', () => {
    const plain = lexicalToPlainText(BODY)
    const edited = replaceInLexicalText(BODY, plain.indexOf('再接再励'), 4, '再接再厉')
    expect(lexicalToPlainText(edited)).toBe(plain.replace('再接再励', '再接再厉'))
    const node = (edited!.root!.children![2] as LexicalNode).children![1]
    expect([node.text, (node as { format?: number }).format]).toEqual(['再接再厉', 1])
  })

  it('replaces a span across two text nodes and inside block fields', () => {
    const plain = lexicalToPlainText(BODY)
    const across = replaceInLexicalText(BODY, plain.indexOf('要再'), 2, '须再')
    expect(lexicalToPlainText(across)).toBe(plain.replace('要再', '须再'))
    const inBox = replaceInLexicalText(BODY, plain.indexOf('190家'), 4, '一百九十家')
    expect(lexicalToPlainText(inBox)).toBe(plain.replace('190家', '一百九十家'))
    const inHeading = replaceInLexicalText(BODY, plain.indexOf(','), 1, '，')
    expect(lexicalToPlainText(inHeading)).toBe(plain.replace(',', '，'))
  })

  it('refuses a span over text the plain form adds, and leaves the original untouched', () => {
    const plain = lexicalToPlainText(BODY)
    const before = JSON.stringify(BODY)
    expect(replaceInLexicalText(BODY, plain.indexOf('【'), 1, '[')).toBeNull()
    expect(replaceInLexicalText(BODY, plain.indexOf('。\n\n') + 1, 2, '')).toBeNull()
    expect(replaceInLexicalText(BODY, plain.length, 1, 'x')).toBeNull()
    expect(JSON.stringify(BODY)).toBe(before)
  })
})
