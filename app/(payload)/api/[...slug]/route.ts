import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { guardedRestRoute } from '@/security/apiRoutes'

export const GET = guardedRestRoute(REST_GET(config))
export const POST = guardedRestRoute(REST_POST(config))
export const DELETE = guardedRestRoute(REST_DELETE(config))
export const PATCH = guardedRestRoute(REST_PATCH(config))
export const PUT = guardedRestRoute(REST_PUT(config))
export const OPTIONS = guardedRestRoute(REST_OPTIONS(config))
