import fs from 'node:fs'
import path from 'node:path'

import type { SeedData } from './types'

export const SEED_DIR = path.resolve(process.cwd(), 'src', 'seed')

function readJson<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(SEED_DIR, 'data', `${name}.json`), 'utf8')) as T
}

/** The two seed print pages, structured by hand: data files, so editors can read and review them. */
export function loadSeedData(): SeedData {
  return {
    articles: readJson('articles'),
    channels: readJson('channels'),
    desks: readJson('desks'),
    columns: readJson('columns'),
    bylines: readJson('bylines'),
    regions: readJson('regions'),
    tags: readJson('tags'),
    photos: readJson('photos'),
  }
}

export function readSeedPage(page: '000' | '001'): string {
  return fs.readFileSync(path.join(SEED_DIR, 'pages', `${page}.txt`), 'utf8')
}
