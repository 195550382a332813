import fs from 'node:fs'
import path from 'node:path'

/** Where a page's serving time went: CPU shares of the busiest functions and of the kinds of work. */
export type ProfileSummary = { file: string; sampledMs: number; kinds: Record<string, number>; functions: { name: string; where: string; share: number }[] }

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

// Self time by where it is spent; the first kind whose test matches a frame takes it.
const KINDS: [string, (frame: ProfileNode['callFrame']) => boolean][] = [
  ['idle', (frame) => frame.functionName === '(idle)'],
  ['gc', (frame) => frame.functionName === '(garbage collector)'],
  ['gzip', (frame) => frame.url === 'node:zlib' || frame.url.endsWith('/zlib.js')],
  ['socket', (frame) => /^(writev|writeBuffer|writeUtf8String|writeLatin1String)$/.test(frame.functionName) || /node:(net|_http_|internal\/stream_base)/.test(frame.url)],
  ['react', (frame) => /react-(dom|server)/.test(frame.url)],
  ['next', (frame) => frame.url.includes('/next/') || frame.url.includes('node_modules_next_')],
  ['app', (frame) => frame.url.includes('/.next/server/')],
  ['node', (frame) => frame.url.startsWith('node:') || frame.url === ''],
]

const share = (part: number, whole: number) => Math.round((part / whole) * 1000) / 10

/**
 * Summarises a V8 CPU profile (`node --cpu-prof`) from `fromMs` after it began, so a
 * server's start-up does not count: the functions with the most self time, and the share
 * of each kind of work. Anonymous functions of minified bundles are named by file:line:column.
 */
export function summariseProfile(file: string, fromMs: number, top = 12): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
  const selfMicros = new Map<number, number>()
  let elapsed = 0
  profile.samples.forEach((id, index) => {
    // Each sample stands for the interval before it; an interval counts if it began in the window.
    const intervalStart = elapsed
    elapsed += profile.timeDeltas[index]
    if (intervalStart >= fromMs * 1000) selfMicros.set(id, (selfMicros.get(id) ?? 0) + profile.timeDeltas[index])
  })
  const total = [...selfMicros.values()].reduce((sum, micros) => sum + micros, 0) || 1
  const kinds: Record<string, number> = {}
  const functions = new Map<string, { name: string; where: string; micros: number }>()
  for (const [id, micros] of selfMicros) {
    const frame = nodes.get(id)!.callFrame
    const kind = KINDS.find(([, test]) => test(frame))?.[0] ?? 'other'
    kinds[kind] = (kinds[kind] ?? 0) + micros
    const where = frame.url ? `${path.basename(frame.url)}:${frame.lineNumber + 1}:${frame.columnNumber + 1}` : '(native)'
    const key = `${frame.functionName}@${where}`
    const entry = functions.get(key) ?? { name: frame.functionName || '(anonymous)', where, micros: 0 }
    entry.micros += micros
    functions.set(key, entry)
  }
  return {
    file,
    sampledMs: Math.round(total / 1000),
    kinds: Object.fromEntries(Object.entries(kinds).sort((a, b) => b[1] - a[1]).map(([kind, micros]) => [kind, share(micros, total)])),
    functions: [...functions.values()].sort((a, b) => b.micros - a.micros).slice(0, top).map(({ name, where, micros }) => ({ name, where, share: share(micros, total) })),
  }
}

/** The single profile a `node --cpu-prof --cpu-prof-dir <dir>` process wrote when it exited. */
export function profileWrittenTo(dir: string): string {
  const file = fs.readdirSync(dir).find((name) => name.endsWith('.cpuprofile'))
  if (!file) throw new Error(`${dir} 中没有 CPU 剖析文件`)
  return path.join(dir, file)
}
