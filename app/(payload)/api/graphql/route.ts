import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { guardedGraphQLRoute } from '@/security/apiRoutes'

export const POST = guardedGraphQLRoute(GRAPHQL_POST(config))
export const OPTIONS = REST_OPTIONS(config)
