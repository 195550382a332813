import type { PayloadRequest, SanitizedCollectionConfig } from 'payload'
import type { DocumentId } from '@/data/relationId'

/** The user row as the database holds it, hidden reset fields included. */
type ResetRow = {
  id: DocumentId
  email: string
  name?: string | null
  resetPasswordToken?: string | null
  resetPasswordExpiration?: string | null
  resetPasswordRequestedAt?: string | null
}

/**
 * What a forgot-password request is to do once Payload has written its new token: e-mail it,
 * or, when the account was sent one moments ago, put the previous token back and send
 * nothing, so a stream of requests can neither flood an inbox nor void the link just sent.
 */
export type ResetPlan =
  | { kind: 'send'; userId: DocumentId; email: string; name: string }
  | { kind: 'keep'; userId: DocumentId; token: string | null; expiration: string | null }

/** Keyed by the operation's own arguments object, which Payload hands from beforeOperation to afterOperation. */
const plans = new WeakMap<object, ResetPlan>()

export const rememberPlan = (operationArgs: object, plan: ResetPlan) => plans.set(operationArgs, plan)

export function takePlan(operationArgs: object): ResetPlan | undefined {
  const plan = plans.get(operationArgs)
  plans.delete(operationArgs)
  return plan
}

export const DEFAULT_MIN_REQUEST_INTERVAL_MS = 15_000
/** How long an e-mailed reset link works; the e-mail says so. */
export const RESET_LINK_LIFETIME_MS = 60 * 60 * 1000

export async function planPasswordReset(req: PayloadRequest, collection: SanitizedCollectionConfig, email: string): Promise<ResetPlan | null> {
  const user = await req.payload.db.findOne<ResetRow>({ collection: collection.slug, where: { email: { equals: email } }, req })
  if (!user) return null
  const interval = collection.auth.forgotPassword?.minRequestInterval ?? DEFAULT_MIN_REQUEST_INTERVAL_MS
  const requestedAt = user.resetPasswordRequestedAt ? Date.parse(user.resetPasswordRequestedAt) : Number.NaN
  if (requestedAt > Date.now() - interval) {
    return { kind: 'keep', userId: user.id, token: user.resetPasswordToken ?? null, expiration: user.resetPasswordExpiration ?? null }
  }
  return { kind: 'send', userId: user.id, email: user.email, name: user.name ?? '' }
}
