import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Articles } from './collections/Articles'
import { Bylines } from './collections/Bylines'
import { Columns } from './collections/Columns'
import { EditorialComments } from './collections/EditorialComments'
import { Installments } from './collections/Installments'
import { Photos } from './collections/Photos'
import { Regions } from './collections/Regions'
import { Tags } from './collections/Tags'
import { Users } from './collections/Users'
import { WorkflowEvents } from './collections/WorkflowEvents'
import { resolvePayloadSecret } from './src/config/environment'
import { chooseDatabase, createDatabaseAdapter, prepareDatabase } from './src/database/adapter'
import { NEWSROOM_TIME_ZONE } from './src/newsroom/dates'
import { importEndpoint, importPreviewEndpoint } from './src/import/endpoints'
import { rebuildSearchEndpoint, searchEndpoint } from './src/search/endpoint'
import { searchGraphQLQueries } from './src/search/graphql'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  secret: resolvePayloadSecret(),
  db: createDatabaseAdapter(chooseDatabase(process.env.DATABASE_URI)),
  editor: lexicalEditor(),
  collections: [Articles, Columns, Installments, Bylines, Photos, Tags, Regions, EditorialComments, WorkflowEvents, Users],
  sharp,
  onInit: prepareDatabase,
  endpoints: [searchEndpoint, rebuildSearchEndpoint, importPreviewEndpoint, importEndpoint],
  graphQL: { queries: (GraphQL) => searchGraphQLQueries(GraphQL) },
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
