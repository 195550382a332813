import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export type Env = Readonly<Record<string, string | undefined>>

/**
 * Demo mode is the zero-setup start on the embedded database (`npm start` without
 * DATABASE_URI). Only there may the app invent its own secret and create demo accounts
 * with known passwords; a real deployment must bring its own secret and users.
 */
export function isDemoMode(env: Env = process.env): boolean {
  return env.NEWSROOM_DEMO === '1' && !env.DATABASE_URI?.trim()
}

/** Where the embedded database, the demo secret and other local state live. */
export const DATA_DIR = path.resolve(process.cwd(), process.env.NEWSROOM_DATA_DIR || 'data')
const DEMO_SECRET_FILE = path.join(DATA_DIR, 'payload-secret')

/** Values copied from templates and tutorials: anyone can forge sessions signed with them. */
const PLACEHOLDER_SECRETS = new Set(['YOUR_SECRET_HERE', 'your-secret-here', 'secret', 'changeme', 'change-me', 'payload', 'newsroom', 'test'])
const MIN_PRODUCTION_SECRET_LENGTH = 32

export function resolvePayloadSecret(env: Env = process.env): string {
  const configured = env.PAYLOAD_SECRET?.trim()
  if (configured && PLACEHOLDER_SECRETS.has(configured)) {
    throw new Error(`PAYLOAD_SECRET 是示例占位值「${configured}」，请换成随机密钥（openssl rand -hex 32）。 (PAYLOAD_SECRET is a well-known placeholder.)`)
  }
  if (configured && env.NODE_ENV === 'production' && configured.length < MIN_PRODUCTION_SECRET_LENGTH) {
    throw new Error(`PAYLOAD_SECRET 太短（${configured.length} 个字符），生产环境至少需要 ${MIN_PRODUCTION_SECRET_LENGTH} 个字符（openssl rand -hex 32）。 (PAYLOAD_SECRET is too short for production.)`)
  }
  if (configured) return configured
  if (isDemoMode(env)) return readOrCreateDemoSecret()
  throw new Error(
    'PAYLOAD_SECRET 未设置：生产部署必须提供至少 32 个字符的随机密钥。' +
      ' (PAYLOAD_SECRET is not set; only the demo start on the embedded database may generate one.)',
  )
}

function readOrCreateDemoSecret(): string {
  if (fs.existsSync(DEMO_SECRET_FILE)) return fs.readFileSync(DEMO_SECRET_FILE, 'utf8').trim()
  fs.mkdirSync(DATA_DIR, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  fs.writeFileSync(DEMO_SECRET_FILE, secret, { mode: 0o600 })
  return secret
}

export const MEDIA_DIR = path.resolve(process.cwd(), process.env.MEDIA_DIR || 'media')
