#!/usr/bin/env node
// `npm start`: build if needed, then serve the production build. The server itself applies
// migrations and seeds an empty database as it boots (instrumentation.ts).
// Without DATABASE_URI this is the demo mode on the embedded SQLite database. A server that
// dies is started again (scripts/supervisor.mjs).
import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'

import { buildIsStale, clearServerCaches, markBuildStart } from './buildState.mjs'
import { serverNodeOptions } from './serverOptions.mjs'
import { superviseServer } from './supervisor.mjs'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
process.chdir(root)

const demo = !process.env.DATABASE_URI?.trim()
const port = process.env.PORT || '3000'
const env = {
  ...process.env,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  // Payload formats some admin dates on the server in the process's time zone (the version
  // view's breadcrumb); the newsroom's is Beijing time, wherever the server runs.
  TZ: 'Asia/Shanghai',
  PORT: port,
  ...(demo ? { NEWSROOM_DEMO: '1' } : {}),
}
const bin = (name) => path.join(root, 'node_modules', '.bin', name)

function run(label, command, args) {
  console.log(`\n▶ ${label}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env })
  if (result.status !== 0) {
    console.error(`✖ ${label} 失败（退出码 ${result.status}）`)
    process.exit(result.status ?? 1)
  }
}

if (buildIsStale(root)) {
  const built = markBuildStart(root)
  run('构建生产版本（next build）', bin('next'), ['build'])
  built()
} else {
  console.log('✔ 生产版本已是最新，跳过构建')
}
// `--build-only`: the end-to-end tier builds once before its files start servers side by side.
if (process.argv.includes('--build-only')) process.exit(0)

const url = process.env.NEXT_PUBLIC_SERVER_URL?.replace(/\/$/, '') || `http://localhost:${port}`
console.log(`\n新闻采编发布系统已启动`)
console.log(`  读者首页  ${url}/`)
console.log(`  编辑后台  ${url}/admin`)
if (demo) {
  const password = process.env.DEMO_PASSWORD?.trim() || 'newsroom-demo'
  console.log(`  演示模式（内置 SQLite 数据库 ${path.join(process.env.NEWSROOM_DATA_DIR || 'data', 'newsroom.db')}）。演示账号，密码均为 ${password}：`)
  console.log('    管理员  admin@newsroom.test')
  console.log('    编辑    editor@newsroom.test')
  console.log('    记者    journalist@newsroom.test')
  console.log('    部门主任 desk@newsroom.test')
  console.log('    总编辑  chief@newsroom.test')
  console.log('    校对    proof@newsroom.test')
}

const serverEnv = { ...env, NODE_OPTIONS: serverNodeOptions(process.env.NODE_OPTIONS) }
const supervision = superviseServer({
  spawnServer: () => spawn(process.execPath, [path.join(root, 'scripts', 'server.mjs'), '--port', port], { stdio: 'inherit', env: serverEnv }),
  // A restarted server must not trust pages cached before it died (see clearServerCaches).
  beforeStart: () => clearServerCaches(root),
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => supervision.stop(signal))
process.exit(await supervision.done)
