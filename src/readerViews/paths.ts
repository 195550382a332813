/** Where the article page's script (public/reader/views.js) reports a view: the same address is written there. */
export const VIEW_BEACON_PATH = '/api/article-views/beacon'
/** The script itself, static and same-origin (the reader pages' Content-Security-Policy allows 'self'). */
export const VIEW_SCRIPT_PATH = '/reader/views.js'
/** A slug is at most 200 characters (TEXT_LIMITS); the beacon's body is the slug and nothing else. */
export const VIEW_BEACON_MAX_BYTES = 256
