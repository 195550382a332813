import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Browser } from 'playwright-core'

import { freePort } from '../../bench/site/processes'
import { launchChromium } from './browser'

export type DemoServer = {
  baseUrl: string
  /** The process `npm start` runs (scripts/start.mjs), which supervises the server. */
  pid: number
  output: () => string
  stop: () => Promise<void>
  /** Kills the server's whole process group with SIGKILL, as a power cut would, and keeps its data. */
  crash: () => Promise<void>
}

/**
 * Runs README's `npm start` for real (build if stale, migrate, seed, serve) on a throwaway
 * data directory, or on `dir` when given (which the caller then owns, e.g. to start a
 * server again on what a crashed one left), and resolves once the reader home page answers.
 */
export async function startDemoServer(options: { env?: Record<string, string>; timeoutMs?: number; dir?: string } = {}): Promise<DemoServer> {
  const timeoutMs = options.timeoutMs ?? 12 * 60 * 1000
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-e2e-'))
  const port = await freePort()
  // Its own page cache too: the tier runs two files' servers side by side on one build.
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), NEWSROOM_DATA_DIR: path.join(dir, 'data'), MEDIA_DIR: path.join(dir, 'media'), NEWSROOM_PAGE_CACHE_DIR: path.join(dir, 'page-cache'), ...options.env }
  delete env.DATABASE_URI
  delete env.PAYLOAD_SECRET
  delete env.NODE_OPTIONS
  let output = ''
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const baseUrl = `http://127.0.0.1:${port}`
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      process.kill(-child.pid, name)
      await exited
    }
  }
  const stop = async () => {
    await signal('SIGTERM')
    if (!options.dir) fs.rmSync(dir, { recursive: true, force: true })
  }
  const crash = () => signal('SIGKILL')
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`)
    try {
      const response = await fetch(`${baseUrl}/`)
      if (response.ok) return { baseUrl, pid: child.pid!, output: () => output, stop, crash }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  await stop()
  throw new Error(`npm start did not serve ${baseUrl} within ${timeoutMs} ms:\n${output}`)
}

/**
 * Registers the suite's lifecycle: one production server (and optionally one Chromium)
 * for every test in the file, stopped afterwards.
 */
export function useDemoServer(options: { withBrowser?: boolean } = {}): { server: DemoServer; browser: Browser } {
  const running = {} as { server: DemoServer; browser: Browser }
  beforeAll(async () => {
    running.server = await startDemoServer()
    if (options.withBrowser) running.browser = await launchChromium()
  }, 15 * 60 * 1000)
  afterAll(async () => {
    await running.browser?.close()
    await running.server?.stop()
  })
  return running
}
