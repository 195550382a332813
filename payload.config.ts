import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { buildConfig, type Config } from 'payload'
import sharp from 'sharp'

import { Articles } from './collections/Articles'
import { ArticleViews } from './collections/ArticleViews'
import { Bylines } from './collections/Bylines'
import { Channels } from './collections/Channels'
import { Columns } from './collections/Columns'
import { EditorialComments } from './collections/EditorialComments'
import { Installments } from './collections/Installments'
import { Photos } from './collections/Photos'
import { Regions } from './collections/Regions'
import { Tags } from './collections/Tags'
import { Users } from './collections/Users'
import { Desks } from './collections/Desks'
import { ProofreadingTerms } from './collections/ProofreadingTerms'
import { PageImports } from './collections/PageImports'
import { SiteSettings } from './collections/SiteSettings'
import { FrontPage } from './collections/FrontPage'
import { ProofreadingWaivers } from './collections/ProofreadingWaivers'
import { WorkflowEvents } from './collections/WorkflowEvents'
import { withApiGuard, withGlobalApiGuard } from './collections/shared/hooks/guardApiRequests'
import { resolvePayloadSecret } from './src/config/environment'
import { chooseDatabase, createDatabaseAdapter, prepareDatabase } from './src/database/adapter'
import { cacheRevalidateEndpoint } from './src/cluster/revalidateEndpoint'
import { newsroomEmailAdapter } from './src/email/adapter'
import { NEWSROOM_TIME_ZONE } from './src/newsroom/dates'
import { importEndpoint, importPreviewEndpoint } from './src/import/endpoints'
import { proofreadEndpoint } from './src/proofreading/server/endpoint'
import { rebuildSearchEndpoint, searchEndpoint } from './src/search/endpoint'
import { searchGraphQLQueries } from './src/search/graphql'
import { clarifyRequestErrors } from './src/security/apiErrors'
import { GRAPHQL_MAX_COMPLEXITY } from './src/security/apiLimits'
import { withOperationBudget } from './src/security/graphqlBudget'
import { graphQLLimits } from './src/security/graphqlLimits'
import { trustedOrigins } from './src/security/origins'
import { MAX_UPLOAD_BYTES } from './src/uploads/limits'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  secret: resolvePayloadSecret(),
  db: createDatabaseAdapter(chooseDatabase(process.env.DATABASE_URI)),
  editor: lexicalEditor(),
  // SMTP from SMTP_* variables; without them, e-mails are only logged (README, Configuration).
  email: newsroomEmailAdapter(),
  collections: [Articles, Columns, Installments, Bylines, Photos, Tags, Regions, EditorialComments, WorkflowEvents, Desks, ProofreadingTerms, ProofreadingWaivers, PageImports, Channels, ArticleViews, Users].map(withApiGuard),
  globals: [FrontPage, SiteSettings].map(withGlobalApiGuard),
  cors: trustedOrigins(),
  csrf: trustedOrigins(),
  hooks: { afterError: [clarifyRequestErrors] },
  // The multipart parser's own cap, so a too-large upload stops before it is buffered.
  upload: { limits: { fileSize: MAX_UPLOAD_BYTES } },
  // Refusals are the API working as meant, not faults: no stack trace in the error log.
  // (NewsroomRefusal is this app's own error name, which Payload's type does not list.)
  loggingLevels: { NewsroomRefusal: 'info', ValidationError: 'info', NotFound: 'info', QueryError: 'info' } as Config['loggingLevels'],
  sharp,
  onInit: prepareDatabase,
  endpoints: [searchEndpoint, rebuildSearchEndpoint, importPreviewEndpoint, importEndpoint, proofreadEndpoint, cacheRevalidateEndpoint()],
  graphQL: {
    // Payload passes its built root fields to these two callbacks: the budget wraps them in place.
    queries: (GraphQL, built) => {
      withOperationBudget(built.Query.fields)
      return withOperationBudget(searchGraphQLQueries(GraphQL))
    },
    mutations: (_GraphQL, built) => {
      withOperationBudget(built.Mutation.fields)
      return {}
    },
    maxComplexity: GRAPHQL_MAX_COMPLEXITY,
    validationRules: graphQLLimits,
    disablePlaygroundInProduction: true,
  },
  telemetry: false,
  i18n: {
    supportedLanguages: { zh, en },
    fallbackLanguage: 'zh',
  },
  admin: {
    user: Users.slug,
    avatar: 'default',
    dateFormat: 'yyyy年MM月dd日 HH:mm',
    timezones: {
      defaultTimezone: NEWSROOM_TIME_ZONE,
      supportedTimezones: [{ label: '北京时间 (UTC+8)', value: NEWSROOM_TIME_ZONE }],
    },
    meta: { titleSuffix: ' · 新闻采编发布系统' },
    components: {
      // Chinese accessible names for what Payload, Lexical and sonner hard-code in English.
      providers: ['/src/admin/ChineseAccessibleNames#ChineseAccessibleNames'],
      beforeDashboard: ['/src/admin/components/EditorialDashboard#EditorialDashboard'],
      afterNavLinks: ['/src/admin/components/CalendarNavLink#CalendarNavLink', '/src/admin/components/SearchNavLink#SearchNavLink', '/src/admin/components/ImportNavLink#ImportNavLink'],
      views: {
        calendar: { Component: '/src/admin/components/CalendarView#CalendarView', path: '/calendar' },
        search: { Component: '/src/admin/components/SearchView#SearchView', path: '/search' },
        import: { Component: '/src/admin/components/ImportView#ImportView', path: '/import' },
      },
    },
    importMap: { baseDir: dirname },
  },
  typescript: {
    autoGenerate: false,
    outputFile: path.resolve(dirname, 'payload-types.ts'),
  },
})
