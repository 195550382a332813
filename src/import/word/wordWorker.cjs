/**
 * Reads one Word document (.docx) with mammoth, in a worker thread that
 * src/import/word/readWordDocument.ts starts with memory and time limits: a document that
 * inflates to gigabytes, or takes seconds to read, ends this thread and never the server.
 * Plain CommonJS because Node loads it straight from the source tree: the bundlers that build
 * the server (Next.js, Jest) do not follow a worker's file.
 *
 * Posts `{ blocks, images }`: each block a heading, paragraph, list item, table row or image,
 * with the bold and italic spans of its text; each image's bytes, type and alternative text.
 */
const { parentPort, workerData } = require('node:worker_threads')
const mammoth = require('mammoth')

/** Word's built-in heading styles, as Word and LibreOffice name them in English and Chinese. */
function headingLevel(paragraph) {
  const name = (paragraph.styleName || paragraph.styleId || '').trim()
  if (/^(?:title|标题)$/i.test(name)) return 1
  const match = /^(?:heading|标题)\s*(\d)$/i.exec(name)
  return match ? Number(match[1]) : null
}

function collect(document, maxImages) {
  const blocks = []
  const images = []
  const listCounters = new Map()

  /** A paragraph's runs as text pieces, split where an image sits inside it. */
  function piecesOf(children, pieces) {
    for (const child of children) {
      if (child.type === 'run') {
        for (const item of child.children) {
          if (item.type === 'text') pieces.push({ text: item.value, bold: child.isBold, italic: child.isItalic })
          else if (item.type === 'tab' || item.type === 'break') pieces.push({ text: ' ', bold: false, italic: false })
          else if (item.type === 'image') pieces.push({ image: item })
        }
      } else if (Array.isArray(child.children)) piecesOf(child.children, pieces)
    }
  }

  function textBlock(kind, pieces, extra) {
    let text = ''
    const marks = []
    for (const piece of pieces) {
      const start = text.length
      text += piece.text
      if ((piece.bold || piece.italic) && piece.text.trim()) marks.push({ start, end: text.length, bold: piece.bold, italic: piece.italic })
    }
    if (!text.trim()) return
    blocks.push({ kind, text, marks, ...extra })
  }

  function paragraph(node) {
    const pieces = []
    piecesOf(node.children, pieces)
    let run = []
    const level = headingLevel(node)
    let kind = level ? 'heading' : 'paragraph'
    let details = level ? { level } : {}
    if (!level && node.numbering) {
      const key = `${node.numbering.numId ?? ''}:${node.numbering.level}`
      const number = (listCounters.get(key) ?? 0) + 1
      listCounters.set(key, number)
      kind = 'listItem'
      details = { ordered: Boolean(node.numbering.isOrdered), number, depth: Number(node.numbering.level) || 0 }
    } else listCounters.clear()
    for (const piece of pieces) {
      if (!piece.image) {
        run.push(piece)
        continue
      }
      textBlock(kind, run, details)
      run = []
      if (images.length < maxImages) {
        blocks.push({ kind: 'image', index: images.length })
        images.push(piece.image)
      } else blocks.push({ kind: 'image', index: null })
    }
    textBlock(kind, run, details)
  }

  function walk(children) {
    for (const node of children) {
      if (node.type === 'paragraph') paragraph(node)
      else if (node.type === 'table') {
        for (const row of node.children) {
          const cells = row.children.map((cell) => {
            const pieces = []
            for (const child of cell.children) if (child.type === 'paragraph') piecesOf(child.children, pieces)
            return pieces.filter((piece) => !piece.image).map((piece) => piece.text).join('').trim()
          })
          textBlock('tableRow', [{ text: cells.join(' | '), bold: false, italic: false }], {})
        }
      } else if (Array.isArray(node.children)) walk(node.children)
    }
  }

  walk(document.children)
  return { blocks, images }
}

async function read({ bytes, maxImages, maxImageBytes }) {
  let captured = null
  await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes) },
    {
      transformDocument: (document) => {
        captured = document
        return document
      },
      // The HTML is not used: skip reading every image a second time for it.
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
    },
  )
  if (!captured) throw new Error('no document')
  const { blocks, images } = collect(captured, maxImages)
  const read = []
  for (const image of images) {
    const data = await image.readAsBuffer()
    read.push(data.length <= maxImageBytes ? { contentType: image.contentType || null, altText: image.altText || null, data } : { contentType: image.contentType || null, altText: image.altText || null, data: null, size: data.length })
  }
  return { blocks, images: read }
}

read(workerData).then(
  (result) => parentPort.postMessage({ ok: true, ...result }),
  (error) => parentPort.postMessage({ ok: false, error: String((error && error.message) || error) }),
)
