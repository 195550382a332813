// Whether the production build in .next is older than the sources it was built from.
// Shared by `npm start` and `npm run bench`.
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

export function buildIsStale(root) {
  const buildId = path.join(root, '.next', 'BUILD_ID')
  return !fs.existsSync(buildId) || fs.statSync(buildId).mtimeMs < newestSourceTime(root)
}
