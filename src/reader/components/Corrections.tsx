import type { Article } from '@payload-types'
import { formatChineseDateTime, toShanghaiIso } from '@/newsroom/dates'

export function Corrections({ corrections }: { corrections: Article['corrections'] }) {
  if (!corrections?.length) return null
  return (
    <section className="corrections" aria-label="更正">
      {corrections.map((correction) => (
        <p key={correction.id ?? correction.correctedAt} className="correction">
          <strong>更正</strong>（<time dateTime={toShanghaiIso(correction.correctedAt)}>{formatChineseDateTime(correction.correctedAt)}</time>）：
          {correction.note}
        </p>
      ))}
    </section>
  )
}
