import sharp from 'sharp'

import { findAcceptedImageFormat } from '@/uploads/imageFormats'
import { MAX_IMAGE_PIXELS } from '@/uploads/limits'
import type { WordImage } from './readWordDocument'

/**
 * The embedded images the photo library can take, checked before the page's transaction: Word
 * keeps drawings and charts as EMF or WMF, and a document may claim a type its bytes are not.
 * An image the library would refuse keeps its caption and gets a placeholder (its `data` null),
 * instead of failing the whole import.
 */
export async function importableImages(images: WordImage[]): Promise<WordImage[]> {
  return Promise.all(
    images.map(async (image) => {
      if (!image.data || !findAcceptedImageFormat(image.contentType ?? undefined)) return { ...image, data: null }
      try {
        const { width, height } = await sharp(image.data, { limitInputPixels: MAX_IMAGE_PIXELS }).metadata()
        return width && height ? image : { ...image, data: null }
      } catch {
        return { ...image, data: null }
      }
    }),
  )
}
