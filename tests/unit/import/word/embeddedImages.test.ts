import { importableImages } from '@/import/word/embeddedImages'
import { readWordDocument } from '@/import/word/readWordDocument'
import { wordFixture } from '../../../helpers/wordFixtures'

describe('importableImages', () => {
  it('keeps a photo the library can take, and drops the bytes of a drawing or a mislabelled file, keeping its place', async () => {
    const document = await readWordDocument(wordFixture('story.docx'))
    if (!document.ok) throw new Error(document.problem)
    const [photo] = document.images
    const checked = await importableImages([
      photo,
      { contentType: 'image/x-emf', altText: '图表', data: Buffer.from('EMF drawing') },
      { contentType: 'image/jpeg', altText: null, data: Buffer.from('not a JPEG at all') },
    ])
    expect(checked.map((image) => image.data !== null)).toEqual([true, false, false])
    expect(checked[1].altText).toBe('图表')
  })
})
