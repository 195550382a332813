import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

import { httpCachingHeaderRules, SHARED_CACHE_EXPIRE_SECONDS } from './src/reader/data/httpCaching'

const nextConfig: NextConfig = {
  poweredByHeader: false,
  images: { unoptimized: true },
  // Prerendered pages say `s-maxage=<revalidate>, stale-while-revalidate=<expireTime − revalidate>`.
  expireTime: SHARED_CACHE_EXPIRE_SECONDS,
  async headers() {
    return httpCachingHeaderRules()
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
