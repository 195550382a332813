// Whether the production build in .next is older than the sources it was built from.
// Shared by `npm start`, `npm run bench` and `npm run soak`.
import fs from 'node:fs'
import path from 'node:path'

const SOURCE_DIRS = ['app', 'collections', 'src', 'public']
const SOURCE_FILES = ['payload.config.ts', 'instrumentation.ts', 'proxy.ts', 'next.config.ts', 'package.json', 'tsconfig.json']

function newestSourceTime(root) {
  let newest = 0
  const visit = (entry) => {
    if (!fs.existsSync(entry)) return
    const stat = fs.statSync(entry)
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(entry)) visit(path.join(entry, child))
    } else {
      newest = Math.max(newest, stat.mtimeMs)
    }
  }
  for (const entry of [...SOURCE_DIRS, ...SOURCE_FILES]) visit(path.join(root, entry))
  return newest
}

/**
 * When the build in .next began reading its sources. A source saved while `next build` ran is
 * not in the build though it is older than BUILD_ID; compared with the start, the next start
 * builds again instead of serving the old code. Builds older than this record fall back to BUILD_ID.
 */
const BUILD_STARTED = path.join('.next', 'build-started-at')

/** Call just before `next build`; call what it returns once the build has succeeded. */
export function markBuildStart(root) {
  const startedAt = Date.now()
  return () => fs.writeFileSync(path.join(root, BUILD_STARTED), String(startedAt))
}

export function buildIsStale(root) {
  const buildId = path.join(root, '.next', 'BUILD_ID')
  if (!fs.existsSync(buildId)) return true
  const started = path.join(root, BUILD_STARTED)
  const builtFrom = fs.existsSync(started) ? Number(fs.readFileSync(started, 'utf8')) : fs.statSync(buildId).mtimeMs
  return builtFrom < newestSourceTime(root)
}

// The data cache and rendered pages outlive the process, but the record of which cache tags
// were invalidated does not; the database may also have changed while the server was down
// (seed, restore, another DATABASE_URI). So a start never trusts cached reads or pages: a
// page cached before a retraction must not be served again after a restart.
// With NEWSROOM_PAGE_CACHE_DIR (src/security/readerPageCacheHandler.mjs) they are kept there instead.
export function clearServerCaches(root) {
  const base = process.env.NEWSROOM_PAGE_CACHE_DIR?.trim() || path.join(root, '.next')
  for (const cache of [['cache', 'fetch-cache'], ['server', 'route-cache']]) fs.rmSync(path.join(base, ...cache), { recursive: true, force: true })
}
