import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { readSeedPage } from '@/seed/data'
import { wordFixture } from '../../helpers/wordFixtures'

// `npm run import` as editors and other tools run it: a real process, real files.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-import-cli-'))
const database = `file:${path.join(dir, 'cli.db')}`
const file = (name: string, content: string | Uint8Array) => {
  const target = path.join(dir, name)
  fs.writeFileSync(target, content)
  return target
}

function runImport(...args: string[]) {
  const env = { ...process.env, DATABASE_URI: database, PAYLOAD_SECRET: 'cli-test-secret' }
  const result = spawnSync('npm', ['run', '--silent', 'import', '--', ...args], { env, encoding: 'utf8', timeout: 120_000 })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

const EDITION = ['--date=2025-11-13', '--page=5', '--page-name=城市新闻']

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('npm run import', () => {
  it('prints the documented JSON for --dry-run --json and writes nothing', () => {
    const page = file('county.txt', readSeedPage('001'))
    const { status, stdout } = runImport(page, '--dry-run', '--json')
    expect(status).toBe(0)
    const parse = JSON.parse(stdout)
    expect(Object.keys(parse).sort()).toEqual(['articles', 'edition', 'unassigned', 'warnings'])
    for (const key of ['column', 'kicker', 'title', 'subtitle', 'bylines', 'photos', 'subheads', 'paragraphs', 'needsReview', 'warnings']) expect(parse.articles[0]).toHaveProperty(key)
    expect(parse.articles.map((article: { title: string }) => article.title)).toContain('宁远县:“三管齐下”,构建商贸流通领域“防毒墙”')
    expect(fs.existsSync(path.join(dir, 'cli.db'))).toBe(false)
  })

  it('reads Word copy (.docx) with the same recognition as page text', () => {
    const { status, stdout } = runImport(file('story.docx', wordFixture('story.docx')), '--dry-run', '--json')
    expect(status).toBe(0)
    const [article] = JSON.parse(stdout).articles
    expect([article.title, article.bylines.map((byline: { name: string }) => byline.name), article.photos[0].image]).toEqual(['党建引领，“红色引擎”激发多元共治新活力', ['张福芳', '付柯瞰'], 0])
  })

  it('turns prose it cannot structure into a draft flagged for the editor, never into nothing', () => {
    const { status, stdout } = runImport(file('prose.txt', '这是一段普通的文字，没有标题，也没有署名。\n\n第二段文字也是这样。'), '--dry-run', '--json')
    expect(status).toBe(0)
    const parse = JSON.parse(stdout)
    expect(parse.articles).toHaveLength(1)
    expect(parse.articles[0]).toMatchObject({ titleIsPlaceholder: true, needsReview: true, paragraphs: ['这是一段普通的文字，没有标题，也没有署名。', '第二段文字也是这样。'] })
  })

  it('reads a GB18030 file', () => {
    const gbk = file('gbk.txt', new Uint8Array([0xc4, 0xe3, 0xba, 0xc3, 0x0a]))
    const { stderr } = runImport(gbk, '--dry-run', '--json')
    expect(stderr).not.toContain('编码')
  })

  it.each([
    ['an empty file', () => file('empty.txt', ''), '文件为空'],
    ['a binary file', () => file('photo.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46])), '不是文本文件'],
    ['a single huge line', () => file('line.txt', '新'.repeat(20_000)), '不像版面文本'],
    ['a 50 MB file', () => file('big.txt', new Uint8Array(50 * 1024 * 1024).fill(0x41)), '文件过大'],
    ['an older Word file', () => file('story.doc', wordFixture('story.doc')), '请在 Word 或 WPS 中“另存为”Word 文档（.docx）'],
    ['a zip bomb', () => file('bomb.docx', wordFixture('bomb.docx')), '疑似压缩炸弹'],
    ['a missing file', () => path.join(dir, 'missing.txt'), '文件不存在'],
  ])('refuses %s with a clear message and a non-zero exit, writing nothing', (_label, make, message) => {
    const { status, stderr } = runImport(make())
    expect(status).not.toBe(0)
    expect(stderr).toContain(message)
    expect(fs.existsSync(path.join(dir, 'cli.db'))).toBe(false)
  })

  it('refuses a page whose edition is neither stated nor given, before touching the database', () => {
    const { status, stderr } = runImport(file('undated.txt', readSeedPage('001')), '--date=2025-11-13')
    expect(status).toBe(1)
    expect(stderr).toContain('请填写版次、版名：版面文本中没有写明')
    expect(fs.existsSync(path.join(dir, 'cli.db'))).toBe(false)
  })

  it('imports a page, and creates nothing the second time', () => {
    const page = file('city.txt', readSeedPage('000'))
    const first = runImport(page, ...EDITION)
    expect([first.status, first.stderr.split('\n').filter((line) => !line.includes('INFO')).join('\n')]).toEqual([0, expect.any(String)])
    expect(first.stdout).toContain('新建 4 篇草稿')
    const again = runImport(page, ...EDITION)
    expect(again.status).toBe(0)
    expect(again.stdout).toContain('已导入过，未新建')
    expect(again.stdout).toContain('跳过 ✔')
    expect(again.stdout).toContain('来源标识相同')
  })
})
