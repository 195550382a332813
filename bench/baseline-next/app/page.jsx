import fs from 'node:fs'

// Prerendered at build time with the article HTML the benchmark saved (BASELINE_HTML): the
// same bytes our article page shows, without our data reads, layout or hooks.
export const dynamic = 'force-static'

export default function BaselineArticle() {
  const html = fs.readFileSync(process.env.BASELINE_HTML, 'utf8')
  return <main dangerouslySetInnerHTML={{ __html: html }} />
}
