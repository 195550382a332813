import type { CollectionAfterOperationHook } from 'payload'

import { afterCommit } from '@/database/afterCommit'
import { sendPasswordResetEmail } from '@/email/passwordResetEmail'
import { RESET_LINK_LIFETIME_MS, takePlan } from '../passwordResetPlans'


/**
 * Carries out the plan ../passwordResetPlans made for a forgot-password request, inside its
 * transaction. The e-mail itself leaves after COMMIT and is not awaited: the requester is
 * answered at once, identically whether or not the address has an account, and a slow mail
 * server holds neither the write lock nor the request.
 */
export const sendResetEmailAfterCommit: CollectionAfterOperationHook = async ({ args, collection, operation, req, result }) => {
  if (operation !== 'forgotPassword' || !result) return result
  const plan = takePlan(args)
  if (!plan) return result
  const slug = collection.slug
  if (plan.kind === 'keep') {
    await req.payload.db.updateOne({ collection: slug, id: plan.userId, data: { resetPasswordToken: plan.token, resetPasswordExpiration: plan.expiration }, req, returning: false })
    return result
  }
  await req.payload.db.updateOne({ collection: slug, id: plan.userId, data: { resetPasswordRequestedAt: new Date().toISOString() }, req, returning: false })
  const { payload } = req
  const validForMs = collection.auth.forgotPassword?.expiration ?? RESET_LINK_LIFETIME_MS
  await afterCommit(req, () => void sendPasswordResetEmail(payload, plan, result, validForMs))
  return result
}
