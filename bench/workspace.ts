import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// bench/run.ts imports this module first: modules it imports read DATABASE_URI and MEDIA_DIR
// as they load, and the bench must never write into the repository's database or media.
export const BENCH_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-'))
// nginx and Varnish started as root drop to unprivileged users that must read their files here.
fs.chmodSync(BENCH_DIR, 0o755)
export const DATABASE_FILE = path.join(BENCH_DIR, 'bench.db')
process.env.DATABASE_URI = `file:${DATABASE_FILE}`
process.env.MEDIA_DIR = path.join(BENCH_DIR, 'media')
process.env.PAYLOAD_SECRET ??= randomBytes(24).toString('hex')
