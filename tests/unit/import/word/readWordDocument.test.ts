import { readWordDocument, WORD_LIMITS, wordFileKind } from '@/import/word/readWordDocument'
import { wordCopyOf } from '@/import/word/wordCopy'
import { wordFixture } from '../../../helpers/wordFixtures'

describe('readWordDocument', () => {
  it('reads the headings, paragraphs, lists, table rows and photo of a .docx made by LibreOffice, in order', async () => {
    const document = await readWordDocument(wordFixture('story.docx'))
    if (!document.ok) throw new Error(document.problem)
    const kinds = document.blocks.map((block) => (block.kind === 'heading' ? `h${block.level}` : block.kind))
    expect(kinds).toEqual(['paragraph', 'h1', 'paragraph', 'paragraph', 'image', 'paragraph', 'h2', 'paragraph', 'paragraph', 'listItem', 'listItem', 'listItem', 'paragraph', 'tableRow', 'tableRow', 'listItem'])
    expect(document.blocks.filter((block) => block.kind === 'tableRow').map((row) => ('text' in row ? row.text : ''))).toEqual(['网格长 | 600人', '志愿网格员 | 620人'])
    expect(document.images).toHaveLength(1)
    expect(document.images[0]).toMatchObject({ contentType: 'image/jpeg', altText: '申奥美域小区' })
    // A JPEG's start-of-image marker: the photo's own bytes, not a rendering.
    expect([...document.images[0].data!.subarray(0, 2)]).toEqual([0xff, 0xd8])
  })

  it('keeps the bold and italic spans where they are in the text', async () => {
    const document = await readWordDocument(wordFixture('story.docx'))
    if (!document.ok) throw new Error(document.problem)
    const copy = wordCopyOf(document.blocks)
    const marked = [...copy.formatting].flatMap(([text, marks]) => marks.map((mark) => ({ span: text.slice(mark.start, mark.end), bold: mark.bold, italic: mark.italic })))
    expect(marked).toEqual(expect.arrayContaining([{ span: '政治优势、组织优势', bold: true, italic: false }, { span: '连连点赞', bold: false, italic: true }]))
    expect(copy.headlines).toEqual(['党建引领，“红色引擎”激发多元共治新活力'])
    expect(copy.bodyLines).toEqual(['1. 配备1个党组织；', '2. 配备1名网格长；', '3. 吸纳N个社会力量。', '网格长 | 600人', '志愿网格员 | 620人', '• 12345热线工单回访满意率达90.11%。'])
  })

  it.each([
    ['a file cut off halfway', 'damaged.docx', '文件已损坏'],
    ['a zip bomb', 'bomb.docx', '疑似压缩炸弹'],
    ['a zip bomb whose directory claims small entries', 'hidden-bomb.docx', '疑似压缩炸弹'],
    ['a zip mammoth cannot read as a document', 'not-xml.docx', '文件已损坏'],
  ])('refuses %s with a Chinese message', async (_label, name, message) => {
    const document = await readWordDocument(wordFixture(name))
    expect(document.ok).toBe(false)
    expect(!document.ok && document.problem).toContain(message)
  })

  it('refuses a file over the size limit without opening it', async () => {
    const document = await readWordDocument(new Uint8Array(WORD_LIMITS.maxBytes + 1))
    expect(document).toMatchObject({ ok: false, tooLarge: true })
  })

  it('tells Word copy, older Word and WPS files and page text apart by their bytes as well as their names', () => {
    expect(wordFileKind('story.docx', wordFixture('story.docx'))).toBe('docx')
    expect(wordFileKind('稿件', wordFixture('story.docx'))).toBe('docx')
    expect(wordFileKind('story.txt', wordFixture('story.doc'))).toBe('legacy')
    expect(wordFileKind('稿件.wps', new TextEncoder().encode('文字'))).toBe('legacy')
    expect(wordFileKind('page.txt', new TextEncoder().encode('善治天心②'))).toBeNull()
  })
})
