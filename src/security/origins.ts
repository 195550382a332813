import type { Env } from '@/config/environment'

/**
 * The origins whose browsers may use the API with the editors' session cookie (Payload's
 * `csrf` list) and read its responses (`cors`). The configured public origins, plus extra
 * ones an operator names (an admin host separate from the reader site, say); without any
 * configuration, the local addresses the demo start serves on.
 */
export function trustedOrigins(env: Env = process.env): string[] {
  const configured = [env.SITE_URL, env.NEXT_PUBLIC_SERVER_URL, ...(env.NEWSROOM_TRUSTED_ORIGINS ?? '').split(',')]
    .map((value) => originOf(value))
    .filter((origin): origin is string => origin !== null)
  if (configured.length > 0) return [...new Set(configured)]
  const port = env.PORT || '3000'
  return ['localhost', '127.0.0.1', '[::1]'].map((host) => `http://${host}:${port}`)
}

/** Secure cookies only where the site is served over HTTPS: a browser drops them over plain HTTP. */
export function servedOverHttps(env: Env = process.env): boolean {
  return originOf(env.NEXT_PUBLIC_SERVER_URL || env.SITE_URL)?.startsWith('https://') ?? false
}

function originOf(value: string | undefined): string | null {
  const trimmed = value?.trim()
  if (!trimmed) return null
  try {
    const { origin } = new URL(trimmed)
    return origin === 'null' ? null : origin
  } catch {
    return null
  }
}
