import path from 'node:path'

import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

import { httpCachingHeaderRules, SHARED_CACHE_EXPIRE_SECONDS } from './src/publishing/httpCaching'
import { PROXY_BODY_COPY_LIMIT } from './src/security/bodyLimits'
import { securityHeaderRules } from './src/security/securityHeaders'

const nextConfig: NextConfig = {
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
