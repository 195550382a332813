import type { BaseDatabaseAdapter, DatabaseAdapterObj, PayloadRequest } from 'payload'

type Effect = () => void | Promise<void>
type TransactionId = number | Promise<number | string> | string

const pendingByAdapter = new WeakMap<object, Map<string, Effect[]>>()

/**
 * Runs `effect` once the request's transaction has committed, or now if it has none; drops
 * it if the transaction rolls back. Payload's afterChange hooks run before COMMIT, so a cache
 * invalidated there could be refilled by a reader's request with the data about to be
 * replaced, and then served as fresh: a retraction still on the page.
 */
export async function afterCommit(req: Partial<PayloadRequest>, effect: Effect): Promise<void> {
  const id = req.transactionID instanceof Promise ? await req.transactionID : req.transactionID
  const pending = req.payload ? pendingByAdapter.get(req.payload.db) : undefined
  if (id == null || !pending) return runEffect(effect, req.payload?.logger)
  const effects = pending.get(String(id)) ?? []
  effects.push(effect)
  pending.set(String(id), effects)
}

/** The change is committed whatever an effect does: a failing one is logged, never thrown at the saver. */
async function runEffect(effect: Effect, logger: PayloadRequest['payload']['logger'] | undefined): Promise<void> {
  try {
    await effect()
  } catch (error) {
    logger?.error({ err: error, msg: '提交后的后续处理失败（after-commit effect failed）' })
  }
}

/** Lets afterCommit defer work on this adapter, whichever engine it is. */
export function withAfterCommit(adapterObj: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args) as BaseDatabaseAdapter
      const pending = new Map<string, Effect[]>()
      pendingByAdapter.set(adapter, pending)
      const { commitTransaction, rollbackTransaction } = adapter
      const take = async (id: TransactionId) => {
        const key = String(await id)
        const effects = pending.get(key) ?? []
        pending.delete(key)
        return effects
      }
      adapter.commitTransaction = async function commitThenRunEffects(id: TransactionId) {
        try {
          await commitTransaction.call(adapter, id)
        } catch (error) {
          await take(id)
          throw error
        }
        // Awaited, so whoever committed (a save, a workflow step) returns once its effects are done.
        for (const effect of await take(id)) await runEffect(effect, adapter.payload?.logger)
      }
      adapter.rollbackTransaction = async function rollbackAndDropEffects(id: TransactionId) {
        await take(id)
        await rollbackTransaction.call(adapter, id)
      }
      return adapter
    },
  }
}
