// npm run proofread:phrases: writes src/proofreading/data/fixedPhrases.json, the four-character
// words and set phrases (成语 among them) of pinyin-pro's word list (@pinyin-pro/data,
// json/complete.json, ISC licence), which the checker's homophone rule (rules/fixedPhrases.ts)
// compares four-character runs of the text against. Rerun after upgrading @pinyin-pro/data.
import fs from 'node:fs'
import path from 'node:path'

/** Rarer entries are mostly names and technical compounds; a slip would only be guessed against them. */
const MIN_FREQUENCY = 5e-12
const HAN = /^\p{Script=Han}+$/u

const packageDir = path.resolve('node_modules', '@pinyin-pro', 'data')
const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }
const list = JSON.parse(fs.readFileSync(path.join(packageDir, 'json', 'complete.json'), 'utf8')) as Record<string, [string, number]>
const words = Object.entries(list).filter(([word]) => HAN.test(word))

const source = (note: string) => ({ id: 'pinyin-pro-complete', title: '@pinyin-pro/data json/complete.json（现代汉语词语、读音与词频）', publisher: 'pinyin-pro (github.com/zh-lx/pinyin-pro), ISC 许可', year: null, note: `版本 ${version}；${note}` })

function write(file: string, description: string, note: string, entries: string[]) {
  const target = path.resolve('src', 'proofreading', 'data', file)
  fs.writeFileSync(target, `${JSON.stringify({ description, sources: [source(note)], entries }, null, 2)}\n`)
  console.log(`${entries.length} 条写入 ${path.relative(process.cwd(), target)}`)
}

write(
  'fixedPhrases.json',
  '四字词语与成语（含固定短语），用于同音错字检查：稿件中的四字串与其中一条只差一个同音字时报错',
  `取词频不低于 ${MIN_FREQUENCY} 的全部四字词语`,
  words
    .filter(([word, [, frequency]]) => word.length === 4 && frequency >= MIN_FREQUENCY)
    .map(([word]) => word)
    .sort(),
)
