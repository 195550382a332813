import fs from 'node:fs'
import path from 'node:path'

import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

import { httpCachingHeaderRules, SHARED_CACHE_EXPIRE_SECONDS } from './src/publishing/httpCaching'
import { PROXY_BODY_COPY_LIMIT } from './src/security/bodyLimits'
import { securityHeaderRules } from './src/security/securityHeaders'

/**
 * In a git worktree whose node_modules links to another checkout's, Turbopack compiles nothing
 * outside its root ("Could not find the Next.js package"): the root must hold both. Elsewhere
 * nothing is set and Next.js infers the project root as before.
 */
function linkedModulesRoot(): string | undefined {
  const project = process.cwd()
  const modules = path.resolve(project, 'node_modules')
  if (!fs.existsSync(modules) || !fs.lstatSync(modules).isSymbolicLink()) return undefined
  let root = project
  const real = fs.realpathSync(modules)
  while (path.relative(root, real).startsWith('..')) root = path.dirname(root)
  return root
}
const workspaceRoot = linkedModulesRoot()

const nextConfig: NextConfig = {
  ...(workspaceRoot ? { turbopack: { root: workspaceRoot }, outputFileTracingRoot: workspaceRoot } : {}),
  poweredByHeader: false,
  images: { unoptimized: true },
  // Prerendered pages say `s-maxage=<revalidate>, stale-while-revalidate=<expireTime − revalidate>`.
  expireTime: SHARED_CACHE_EXPIRE_SECONDS,
  // Next.js's own file-system cache, which also stores each cached page's Content-Security-Policy.
  // Resolved against the working directory like the rest of the app's paths (npm start runs from the project root).
  cacheHandler: path.resolve('src/security/readerPageCacheHandler.mjs'),
  experimental: {
    // For a path proxy.ts matches, Next.js buffers a copy of the body up to this size and
    // silently truncates what the route gets beyond it; see PROXY_BODY_COPY_LIMIT.
    proxyClientMaxBodySize: PROXY_BODY_COPY_LIMIT,
  },
  async headers() {
    return [...httpCachingHeaderRules(), ...securityHeaderRules()]
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
