import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import zlib from 'node:zlib'

/** The servers the benchmark starts: the app, the baselines, Varnish. Loopback only. */
export type Server = { name: string; url: string; pid: number; output: () => string; stop: () => Promise<void> }

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

/** Starts a command in its own process group (stopped as a whole) and waits until `readyPath` answers. */
export async function startServer(name: string, port: number, command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; readyPath?: string; timeoutMs?: number; exitGraceMs?: number } = {}): Promise<Server & { readyMs: number }> {
  const started = performance.now()
  const child: ChildProcess = spawn(command, args, { env: options.env ?? process.env, cwd: options.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000))
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const url = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    process.kill(-child.pid, 'SIGTERM')
    const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), options.exitGraceMs ?? 10_000)
    await exited
    clearTimeout(timer)
  }
  const deadline = Date.now() + (options.timeoutMs ?? 120_000)
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} 启动失败（退出码 ${child.exitCode}）：\n${output}`)
    try {
      const response = await fetch(`${url}${options.readyPath ?? '/'}`, { signal: AbortSignal.timeout(30_000) })
      await response.arrayBuffer()
      if (response.ok) return { name, url, pid: child.pid!, output: () => output, stop, readyMs: Math.round(performance.now() - started) }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  await stop()
  throw new Error(`${name} 未在时限内就绪：\n${output}`)
}

/** A process and all its descendants (Linux /proc). */
function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)])
    } catch {
      // exited meanwhile
    }
  }
  const tree: number[] = []
  const visit = (pid: number) => {
    tree.push(pid)
    for (const child of children.get(pid) ?? []) visit(child)
  }
  visit(rootPid)
  return tree
}

/** Sums a number each process of a tree has in /proc; a process that exited meanwhile counts 0. */
function sumOverTree(rootPid: number, read: (pid: number) => number): number {
  return processTree(rootPid).reduce((sum, pid) => {
    try {
      return sum + read(pid)
    } catch {
      return sum
    }
  }, 0)
}

/** Resident memory of a process and all its descendants, in MB. */
export function treeRssMb(rootPid: number): number {
  const kb = sumOverTree(rootPid, (pid) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0))
  return Math.round(kb / 1024)
}

/** CPU time (user and system) a process and its descendants have used so far, in seconds (clock ticks of 1/100 s). */
export function treeCpuSeconds(rootPid: number): number {
  const ticks = sumOverTree(rootPid, (pid) => {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(fields[11]) + Number(fields[12])
  })
  return ticks / 100
}

/** One reading of a process tree's memory: when (ms since sampling began), how much, in which phase. */
export type RssSample = { atMs: number; mb: number; phase: string }

/**
 * Samples a process tree's memory until stopped: the peak in MB over the whole run, the peak
 * within each phase (the load on one kind of page, the editors' work) it was told of, and
 * every sample, for memory over time.
 */
export function sampleRss(pid: number, everyMs = 250): { phase: (label: string) => void; stop: () => { peakMb: number; byPhase: Record<string, number>; series: RssSample[] } } {
  let label = '启动'
  const byPhase: Record<string, number> = {}
  const series: RssSample[] = []
  const started = performance.now()
  const sample = () => {
    const mb = treeRssMb(pid)
    series.push({ atMs: Math.round(performance.now() - started), mb, phase: label })
    byPhase[label] = Math.max(byPhase[label] ?? 0, mb)
  }
  sample()
  const timer = setInterval(sample, everyMs)
  return {
    phase: (next) => {
      sample()
      label = next
      sample()
    },
    stop: () => {
      clearInterval(timer)
      sample()
      return { peakMb: Math.max(...Object.values(byPhase)), byPhase, series }
    },
  }
}

export function requireCommands(commands: string[]): void {
  const missing = commands.filter((command) => spawnSync('sh', ['-c', `command -v ${command}`]).status !== 0)
  if (missing.length) throw new Error(`缺少 ${missing.join('、')}：请先安装（Debian：apt-get install -y varnish varnish-modules nginx-light wrk）`)
}

/** nginx serving one HTML file at every path: the machine's ceiling for these bytes. */
export async function startNginx(dir: string, html: string): Promise<Server> {
  const port = await freePort()
  fs.mkdirSync(path.join(dir, 'www'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'www', 'article.html'), html)
  fs.writeFileSync(path.join(dir, 'www', 'article.html.gz'), zlib.gzipSync(html, { level: 9 }))
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `worker_processes auto;
daemon off;
pid ${path.join(dir, 'nginx.pid')};
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  gzip_static on;
  tcp_nopush on;
  keepalive_requests 1000000;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  server {
    listen 127.0.0.1:${port};
    root ${path.join(dir, 'www')};
    default_type text/html;
    location / { try_files /article.html =404; }
  }
}
`,
  )
  return startServer('nginx', port, 'nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')])
}

/**
 * The repository's VCL with its backend pointed at the origins on loopback: the first as
 * `app`, each further one as app2, app3… added to the round-robin director beside it.
 */
export function vclFor(vcl: string, originPorts: number[]): string {
  const block = /backend app \{[\s\S]*?\n\}\n/.exec(vcl)?.[0]
  if (!block || !vcl.includes('instances.add_backend(app);')) throw new Error('deploy/varnish/default.vcl 中找不到 backend app 或 director，无法改写')
  const backends = originPorts.map((port, index) => block.replace('backend app {', `backend ${index ? `app${index + 1}` : 'app'} {`).replace('.host = "app";', '.host = "127.0.0.1";').replace('.port = "3000";', `.port = "${port}";`))
  const added = originPorts.map((_, index) => `instances.add_backend(${index ? `app${index + 1}` : 'app'});`).join('\n  ')
  return vcl.replace(block, backends.join('\n')).replace('instances.add_backend(app);', added)
}

/** Varnish with the repository's VCL, its backends pointed at the origin(s). */
export async function startVarnish(dir: string, originPort: number | number[], port: number): Promise<Server> {
  const vcl = vclFor(fs.readFileSync(path.resolve('deploy', 'varnish', 'default.vcl'), 'utf8'), [originPort].flat())
  const vclFile = path.join(dir, 'bench.vcl')
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(vclFile, vcl)
  return startServer('varnish', port, 'varnishd', ['-F', '-a', `127.0.0.1:${port}`, '-f', vclFile, '-s', 'malloc,256m', '-n', path.join(dir, 'varnish-workdir'), '-p', 'thread_pool_min=50'], { readyPath: '/robots.txt' })
}
