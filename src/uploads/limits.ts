/**
 * The largest file an editor may upload. A full-resolution camera JPEG is 5–15 MB; a file above
 * 20 MB is almost always an unexported RAW/TIFF or a scan that should be exported first.
 * Payload's multipart parser refuses larger request files before any collection code runs,
 * with its own cap (`upload.limits.fileSize` in the root config, 20 MB by default): raising
 * this constant alone would not let larger files through REST or the admin.
 */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024

/**
 * Decoding costs width × height × channels bytes however small the file is: a 17 KB PNG can
 * declare 12000×12000 and keep sharp busy for seconds with half a gigabyte allocated. sharp's
 * own default (268 megapixels) is far above what the server's memory can take several times
 * over; 100 megapixels still admits the largest camera sensors (61 MP) and stitched panoramas.
 */
export const MAX_IMAGE_PIXELS = 100_000_000

const MEGABYTE = 1024 * 1024

/** "20 MB", "20.5 MB": what editors read on their own file browsers. */
export function formatMegabytes(bytes: number): string {
  const megabytes = bytes / MEGABYTE
  return `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(1)} MB`
}

/** Chinese camera specifications count in 万像素 (a 24 MP camera is "2400 万像素"). */
export function formatPixelCount(pixels: number): string {
  return `${Math.round(pixels / 10_000)} 万像素`
}
