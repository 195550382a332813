import type { CollectionBeforeOperationHook } from 'payload'

import { planPasswordReset, rememberPlan } from '../passwordResetPlans'

type ForgotPasswordArgs = { data: { email?: unknown }; disableEmail?: boolean }

/**
 * Payload's forgot-password operation, as shipped, deadlocks on SQLite and mails inside its
 * transaction: it opens a transaction (taking the app's write lock), then records the request
 * time with a write made deliberately outside that transaction, which queues behind the lock
 * its own request holds until the 30 s queue timeout; and it waits for the mail server before
 * COMMIT. Asking it for no e-mail skips both; this app sends the e-mail after COMMIT instead
 * (./sendResetEmailAfterCommit). A Local API caller that asked for no e-mail gets none.
 */
export const takeOverResetEmail: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'forgotPassword') return args
  const forgot = args as unknown as ForgotPasswordArgs
  if (forgot.disableEmail) return args
  const next = { ...args, disableEmail: true }
  // Payload finds the account the same way, and has already refused a missing address.
  const email = typeof forgot.data.email === 'string' ? forgot.data.email.toLowerCase().trim() : ''
  const plan = email ? await planPasswordReset(req, collection, email) : null
  if (plan) rememberPlan(next, plan)
  return next
}
