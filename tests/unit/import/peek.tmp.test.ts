import { readSeedPage } from '../../../src/seed/data'
import { parsePage } from '../../../src/import/parsePage'
it('peek', () => {
  for (const page of ['000', '001'] as const) {
    const result = parsePage(readSeedPage(page))
    for (const a of result.articles) console.log(page, JSON.stringify({ col: a.column, t: a.title, s: a.subtitle, b: a.bylines.map((x) => x.name).join(' '), p: a.photos.map((x) => x.credit + ':' + x.creditKind), n: a.paragraphs.length, sh: a.subheads.length, r: a.regions, w: a.warnings.map((w) => w.slice(0, 30)) }))
    console.log(page, 'unassigned', JSON.stringify(result.unassigned.map((u) => u.slice(0, 20))), JSON.stringify(result.warnings))
  }
})
