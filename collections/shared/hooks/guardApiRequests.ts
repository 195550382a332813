import {
  buildVersionCollectionFields,
  type CollectionBeforeOperationHook,
  type CollectionConfig,
  type CollectionSlug,
  type FlattenedField,
  type GlobalBeforeOperationHook,
  type GlobalConfig,
  NotFound,
  type Payload,
  type SanitizedCollectionConfig,
  ValidationError,
} from 'payload'

import { documentIdCheck } from '@/database/adapter'
import { listParameterProblems } from '@/security/apiLimits'
import { lexicalTreeProblems } from '@/security/lexicalTree'
import { lexicalTreeRulesOf } from '@/security/lexicalTreeField'
import { queryProblemsOf, sortProblemsOf } from '@/security/queryShape'
import { checkWriteData, type IdCheck, type Reference, type ShapeProblem, type WriteCheck } from '@/security/requestShape'
import { mapDataFields, withTextLimit } from '@/security/textLimitFields'
import { chineseLabelOf, TEXT_LIMITS } from '@/security/textLimits'
import type { DocumentId } from '@/data/relationId'

type GuardedArgs = { id?: unknown; data?: unknown; where?: unknown; sort?: unknown; limit?: unknown; page?: unknown; pagination?: unknown; depth?: unknown }

const guardedRequests = new WeakSet<object>()
const GUARDED_APIS = new Set(['REST', 'GraphQL'])

/**
 * What a REST or GraphQL client sends is checked before Payload runs the operation, and so
 * before any hook that could take long over a huge value (slug and pinyin generation, the
 * search index): page sizes and depth within the API's limits (src/security/apiLimits.ts; larger
 * pages for signed-in staff, whose admin asks for them), query values and sort fields
 * the database can use, write data of the right type and size for its fields, rich text
 * trees their editor could have made, no unknown fields, ids the database could hold. Drafts
 * too, which Payload does not validate. The Local API (the reader site, seeds) is trusted
 * and passes untouched.
 *
 * Only the request's own operation is checked. Every Local API call its hooks and Payload's
 * validators make shares the same req (Payload checks relationships with an unpaginated
 * find, for one); they come after it, and Payload's session lookup before it runs with
 * overrideAccess. GraphQL gives each top-level query and mutation a req of its own, so each
 * is checked; its page sizes are checked earlier, as validation rules
 * (src/security/graphqlLimits.ts), because Payload's data loader makes unpaginated finds on
 * the request's first req.
 */
export const guardApiRequests: CollectionBeforeOperationHook = async ({ args, collection, operation, overrideAccess, req }) => {
  if (!GUARDED_APIS.has(req.payloadAPI) || overrideAccess === true || guardedRequests.has(req)) return args
  guardedRequests.add(req)
  const guarded = args as GuardedArgs
  const isId = documentIdCheck(req.payload)
  if (guarded.id !== undefined && !isId(guarded.id)) throw new NotFound(req.t)
  const fieldsOf = (slug: string) => (req.payload.collections as Record<string, { config: { flattenedFields: FlattenedField[] } } | undefined>)[slug]?.config.flattenedFields
  const queried = queryableFieldsOf(req.payload, collection)
  const storedValueAt = async (path: string) => {
    if (operation !== 'update' || guarded.id === undefined) return undefined
    const stored = await req.payload.findByID({ collection: collection.slug as CollectionSlug, id: guarded.id as DocumentId, draft: true, depth: 0, overrideAccess: true, req })
    return path.split('.').reduce<unknown>((doc, key) => (doc as Record<string, unknown> | undefined)?.[key], stored)
  }
  const written = (operation === 'create' || operation === 'update') && 'data' in guarded ? await checkWrite(guarded.data, collection, isId, storedValueAt) : { problems: [], references: [] }
  const problems = [
    ...(req.payloadAPI === 'REST' ? listParameterProblems(guarded, Boolean(req.user)) : []),
    ...(guarded.where === undefined ? [] : queryProblemsOf(guarded.where, queried, { isId, fieldsOf })),
    ...(guarded.sort === undefined ? [] : sortProblemsOf(guarded.sort, queried, { fieldsOf })),
    ...written.problems,
  ]
  if (problems.length === 0) problems.push(...(await missingReferences(req.payload, written.references)))
  if (problems.length > 0) throw new ValidationError({ collection: collection.slug, errors: problems, req }, req.t)
  return args
}

/**
 * The data's shape and sizes, then each rich text tree, whose blocks and photos may point at
 * more documents. A tree sent back exactly as stored (the admin sends the whole form) is not
 * refused for text saved before these rules existed; the stored copy is read only then.
 */
async function checkWrite(
  data: unknown,
  collection: Pick<SanitizedCollectionConfig, 'flattenedFields'> & { auth?: unknown },
  isId: IdCheck,
  storedValueAt: (path: string) => Promise<unknown>,
): Promise<Omit<WriteCheck, 'richTexts'>> {
  const { problems, references, richTexts } = checkWriteData(data, collection.flattenedFields, { isId, isAuthCollection: Boolean(collection.auth) })
  for (const { path, value, field } of richTexts) {
    const rules = lexicalTreeRulesOf(field)
    if (!rules) continue
    const tree = lexicalTreeProblems(value, rules, { isId, path, label: chineseLabelOf(field) })
    if (tree.problems.length > 0 && JSON.stringify(await storedValueAt(path)) === JSON.stringify(value)) continue
    problems.push(...tree.problems)
    references.push(...tree.references)
  }
  return { problems, references }
}

const queryableFields = new WeakMap<SanitizedCollectionConfig, FlattenedField[]>()

/**
 * The collection's fields, and the version document's own (`version.title`, `parent`,
 * `latest`): Payload hands a hook the same operation name, `read`, for versions as for
 * documents, and no path can name a field of both.
 */
function queryableFieldsOf(payload: Payload, collection: SanitizedCollectionConfig): FlattenedField[] {
  let fields = queryableFields.get(collection)
  if (!fields) {
    const own = new Set(collection.flattenedFields.map((field) => field.name))
    const versionOnly = collection.versions ? buildVersionCollectionFields(payload.config, collection, true).filter((field) => !own.has(field.name)) : []
    queryableFields.set(collection, (fields = [...collection.flattenedFields, ...versionOnly]))
  }
  return fields
}

/**
 * Payload checks that related documents exist only when it validates, which it skips for
 * drafts; the database's foreign keys then refuse the row, as a 500.
 */
async function missingReferences(payload: Payload, references: Reference[]): Promise<ShapeProblem[]> {
  const problems: ShapeProblem[] = []
  const byCollection = new Map<string, Reference[]>()
  for (const reference of references) byCollection.set(reference.relationTo, [...(byCollection.get(reference.relationTo) ?? []), reference])
  for (const [relationTo, wanted] of byCollection) {
    const ids = [...new Set(wanted.map((reference) => String(reference.id)))]
    const { docs } = await payload.find({ collection: relationTo as CollectionSlug, where: { id: { in: ids } }, depth: 0, limit: ids.length, pagination: false, overrideAccess: true, select: {} })
    const found = new Set(docs.map((doc) => String(doc.id)))
    for (const reference of wanted) {
      if (!found.has(String(reference.id))) problems.push({ path: reference.path, message: `关联的条目不存在（no ${relationTo} with id ${reference.id}）` })
    }
  }
  return problems
}

/**
 * A global's update over REST or GraphQL gets the same write checks. The request is marked as
 * checked first: the finds Payload's validators make for the global's relationships share its
 * req, and are not the client's to be held to list limits.
 */
export const guardGlobalApiRequests: GlobalBeforeOperationHook = async ({ args, global, operation, overrideAccess, req }) => {
  if (!GUARDED_APIS.has(req.payloadAPI) || overrideAccess === true || guardedRequests.has(req)) return args
  guardedRequests.add(req)
  const data = (args as GuardedArgs | undefined)?.data
  if (operation !== 'update' || data === undefined) return args
  const written = await checkWrite(data, global, documentIdCheck(req.payload), async () => undefined)
  const problems = written.problems.length > 0 ? written.problems : await missingReferences(req.payload, written.references)
  if (problems.length > 0) throw new ValidationError({ global: global.slug, errors: problems, req }, req.t)
  return args
}

export function withGlobalApiGuard(global: GlobalConfig): GlobalConfig {
  const hooks = global.hooks ?? {}
  return { ...global, hooks: { ...hooks, beforeOperation: [guardGlobalApiRequests, ...(hooks.beforeOperation ?? [])] } }
}

/**
 * Every collection of the newsroom runs the guard first, before its own operation hooks, and
 * its text fields carry their limits (src/security/textLimits.ts), so the admin, Payload's
 * validation and the guard agree on them. Rich text fields carry their tree rules themselves
 * (withLexicalTreeChecks, where the field and its editor are defined).
 */
export function withApiGuard(collection: CollectionConfig): CollectionConfig {
  const hooks = collection.hooks ?? {}
  const limits = TEXT_LIMITS[collection.slug] ?? {}
  const fields = mapDataFields(collection.fields, (field, path) => (path in limits ? withTextLimit(field, limits[path]) : field))
  return { ...collection, fields, hooks: { ...hooks, beforeOperation: [guardApiRequests, ...(hooks.beforeOperation ?? [])] } }
}
