// @ts-check
/**
 * Work to finish before the server process exits on SIGTERM or SIGINT (scripts/server.mjs):
 * the app registers it, the server runs it. Kept on globalThis because the server script and
 * the app's bundles load their own copies of this module.
 */
const TASKS = Symbol.for('newsroom.shutdownTasks')

/** @returns {Map<string, () => Promise<unknown>>} */
function tasks() {
  const registry = /** @type {Record<symbol, Map<string, () => Promise<unknown>>>} */ (/** @type {unknown} */ (globalThis))
  return (registry[TASKS] ??= new Map())
}

/** Registers (or replaces, by name) a task to run at shutdown. */
export function onShutdown(/** @type {string} */ name, /** @type {() => Promise<unknown>} */ task) {
  tasks().set(name, task)
}

/** Runs every task at once and waits for them, for at most `timeoutMs`: a stuck task must not keep a stopping server alive. */
export async function runShutdownTasks(timeoutMs = 5_000) {
  const running = Promise.allSettled([...tasks().values()].map((task) => task()))
  let timer
  const timeout = new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))
  await Promise.race([running, timeout])
  clearTimeout(timer)
}
