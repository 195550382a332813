/**
 * 字号: the sizes a reader may choose for the article text, shared by the switch's markup
 * (FontSizeSwitch), the stylesheet (`html[data-font-size=…]` in reader.css) and the script that
 * remembers the choice (public/font-size.js, which repeats these values: it is served as is).
 */
export const FONT_SIZES = [
  { value: 'small', label: '小' },
  { value: 'medium', label: '中' },
  { value: 'large', label: '大' },
  { value: 'xlarge', label: '特大' },
] as const

export type FontSize = (typeof FONT_SIZES)[number]['value']

/** What an article is set in before a reader chooses: the stylesheet's own size. */
export const DEFAULT_FONT_SIZE: FontSize = 'medium'

/** The localStorage key the choice is kept under: never a cookie, so no request carries it and cached pages stay shared. */
export const FONT_SIZE_STORAGE_KEY = 'reader-font-size'

/** The script, a static file under public/: allowed by the reader pages' `script-src 'self'`, cached by the browser. */
export const FONT_SIZE_SCRIPT_PATH = '/font-size.js'
