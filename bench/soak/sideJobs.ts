import { spawn } from 'node:child_process'
import path from 'node:path'

import type { Window } from './eventLoop'

/** A command the soak runs beside the servers, as staff would during the day: what it was, how it ended, and when (for the event-loop window). */
export type SideJob = Window & { command: string; exitCode: number | null; seconds: number; outputTail: string }

/** Today in Beijing, as the import's --date wants it. */
const shanghaiToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())

/** The commands, by label: a print page imported (writing the database the servers use) and the search index rebuilt, each its own process. */
export const SIDE_JOBS = {
  import: ['run', '--silent', 'import', '--', path.join('src', 'seed', 'pages', '000.txt'), `--date=${shanghaiToday()}`, '--page=5', '--page-name=县域新闻'],
  'search rebuild': ['run', '--silent', 'search:rebuild'],
} as const
export type SideJobLabel = keyof typeof SIDE_JOBS

/** Runs `npm <args>` with the soak's environment (its DATABASE_URI and MEDIA_DIR are the servers'), timing it by the wall clock. */
export function runSideJob(label: SideJobLabel, env: NodeJS.ProcessEnv): Promise<SideJob> {
  const args = SIDE_JOBS[label]
  const from = Date.now()
  const child = spawn('npm', [...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000))
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  return new Promise((resolve) => {
    child.on('close', (exitCode) => {
      const to = Date.now()
      resolve({ label, from, to, command: `npm ${args.join(' ')}`, exitCode, seconds: Math.round((to - from) / 100) / 10, outputTail: output.trim().split('\n').slice(-5).join('\n') })
    })
  })
}
