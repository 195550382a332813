import { DEFAULT_FONT_SIZE, FONT_SIZE_SCRIPT_PATH, FONT_SIZES } from '../fontSize'

/**
 * 字号 小/中/大/特大 above the article. Hidden until its script shows it, so a reader without
 * JavaScript never meets buttons that do nothing. The script is loaded here, before the body,
 * and not deferred: it sets the stored size on <html> before the text below is laid out, so
 * the page never redraws at another size.
 */
export function FontSizeSwitch() {
  return (
    <>
      {/* Parser-blocking on purpose: it must run before the body is laid out, and it is about 1 KB. */}
      <script src={FONT_SIZE_SCRIPT_PATH} />
      <div className="font-size-switch" role="group" aria-labelledby="font-size-switch-label" hidden>
        <span id="font-size-switch-label">字号</span>
        {FONT_SIZES.map((size) => (
          <button key={size.value} type="button" value={size.value} aria-pressed={size.value === DEFAULT_FONT_SIZE}>
            {size.label}
          </button>
        ))}
      </div>
    </>
  )
}
