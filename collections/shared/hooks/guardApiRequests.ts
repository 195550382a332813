import { type CollectionBeforeOperationHook, type CollectionConfig, type CollectionSlug, type FlattenedField, NotFound, type Payload, ValidationError } from 'payload'

import { documentIdCheck } from '../../../src/database/adapter'
import { listParameterProblems } from '../../../src/security/apiLimits'
import { queryProblemsOf } from '../../../src/security/queryShape'
import { checkWriteData, type Reference, type ShapeProblem } from '../../../src/security/requestShape'

type GuardedArgs = { id?: unknown; data?: unknown; where?: unknown; limit?: unknown; page?: unknown; pagination?: unknown; depth?: unknown }

const guardedRequests = new WeakSet<object>()

/**
 * What a REST client sends is checked before Payload runs the operation: page sizes and
 * depth within the API's limits, query values and write data of the right type for their
 * fields, no unknown fields, ids the database could hold. The Local API (the reader site,
 * seeds) is trusted and passes untouched. GraphQL's schema types its inputs itself; its
 * limits are validation rules (src/security/graphqlLimits.ts).
 *
 * Only the request's own operation is checked. Every Local API call its hooks and Payload's
 * validators make shares the same req (Payload checks relationships with an unpaginated
 * find, for one); they come after it, and Payload's session lookup before it runs with
 * overrideAccess.
 */
export const guardApiRequests: CollectionBeforeOperationHook = async ({ args, collection, operation, overrideAccess, req }) => {
  if (req.payloadAPI !== 'REST' || overrideAccess === true || guardedRequests.has(req)) return args
  guardedRequests.add(req)
  const guarded = args as GuardedArgs
  const isId = documentIdCheck(req.payload)
  if (guarded.id !== undefined && !isId(guarded.id)) throw new NotFound(req.t)
  const fieldsOf = (slug: string) => (req.payload.collections as Record<string, { config: { flattenedFields: FlattenedField[] } } | undefined>)[slug]?.config.flattenedFields
  const written = (operation === 'create' || operation === 'update') && 'data' in guarded
    ? checkWriteData(guarded.data, collection.flattenedFields, { isId, isAuthCollection: Boolean(collection.auth) })
    : { problems: [], references: [] }
  const problems = [
    ...listParameterProblems(guarded, Boolean(req.user)),
    ...(guarded.where === undefined ? [] : queryProblemsOf(guarded.where, collection.flattenedFields, { isId, fieldsOf })),
    ...written.problems,
  ]
  if (problems.length === 0) problems.push(...(await missingReferences(req.payload, written.references)))
  if (problems.length > 0) throw new ValidationError({ collection: collection.slug, errors: problems, req }, req.t)
  return args
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

/** Every collection of the newsroom runs the guard first, before its own operation hooks. */
export function withApiGuard(collection: CollectionConfig): CollectionConfig {
  const hooks = collection.hooks ?? {}
  return { ...collection, hooks: { ...hooks, beforeOperation: [guardApiRequests, ...(hooks.beforeOperation ?? [])] } }
}
