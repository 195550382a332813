export type ImageFormat = { mimeType: string; extension: string; label: string }

/**
 * What the photo desk may upload: the formats browsers display and sharp decodes with the
 * libraries it ships. HEIC (iPhone originals) and TIFF are left out on purpose: the prebuilt
 * sharp cannot decode HEIC, and TIFF is an unexported scan far larger than any page needs.
 */
export const ACCEPTED_IMAGE_FORMATS: readonly ImageFormat[] = [
  { mimeType: 'image/jpeg', extension: 'jpg', label: 'JPEG' },
  { mimeType: 'image/png', extension: 'png', label: 'PNG' },
  { mimeType: 'image/webp', extension: 'webp', label: 'WebP' },
  { mimeType: 'image/avif', extension: 'avif', label: 'AVIF' },
  { mimeType: 'image/gif', extension: 'gif', label: 'GIF' },
]

export const acceptedImageMimeTypes = ACCEPTED_IMAGE_FORMATS.map((format) => format.mimeType)

export const acceptedImageFormatList = ACCEPTED_IMAGE_FORMATS.map((format) => format.label).join('、')

export const findAcceptedImageFormat = (mimeType: string | undefined) =>
  ACCEPTED_IMAGE_FORMATS.find((format) => format.mimeType === mimeType)

/**
 * Formats whose every frame Payload decodes (it passes sharp `animated: true` for them), so
 * their decoding cost is the frame size times the frame count.
 */
export const isMultiFrameFormat = (format: ImageFormat) => format.mimeType === 'image/gif' || format.mimeType === 'image/webp'
