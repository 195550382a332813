// @ts-check
// The system tools the test tiers drive, and how a bare Debian machine gets them. Chromium,
// Varnish and the rest have no npm package that runs here (playwright cannot download its
// browser on this network), so `npm test` installs Debian's packages when it may (root, or
// sudo without a password) and otherwise stops at once with the command to run.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

/**
 * @typedef {{ name: string; debianPackage: string; present: () => boolean }} Tool
 */

/** @param {string} command */
export const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0

/** @type {Record<string, Tool>} */
export const TOOLS = {
  chromium: { name: 'Chromium', debianPackage: 'chromium', present: () => Boolean(process.env.CHROMIUM_PATH && fs.existsSync(process.env.CHROMIUM_PATH)) || onPath('chromium') },
  cjkFonts: { name: 'Noto CJK fonts', debianPackage: 'fonts-noto-cjk', present: () => /Noto Sans CJK/i.test(spawnSync('fc-list', { encoding: 'utf8' }).stdout ?? '') },
  varnish: { name: 'Varnish', debianPackage: 'varnish', present: () => onPath('varnishd') },
  xkey: { name: "Varnish's xkey module", debianPackage: 'varnish-modules', present: () => fs.readdirSync('/usr/lib', { withFileTypes: true }).some((entry) => entry.isDirectory() && fs.existsSync(`/usr/lib/${entry.name}/varnish/vmods/libvmod_xkey.so`)) },
  nginx: { name: 'nginx', debianPackage: 'nginx-light', present: () => onPath('nginx') },
  wrk: { name: 'wrk', debianPackage: 'wrk', present: () => onPath('wrk') },
}

/** What each tier drives besides Node.js and its npm packages (XML is checked with xmllint-wasm, HTML with parse5). */
export const TIER_TOOLS = {
  unit: [],
  int: [],
  e2e: ['chromium', 'cjkFonts', 'varnish', 'xkey'],
  bench: ['varnish', 'xkey', 'nginx', 'wrk'],
}

/**
 * The Debian packages the tiers still lack.
 * @param {readonly (keyof typeof TIER_TOOLS)[]} tiers
 * @param {Record<string, Tool>} [tools]
 */
export function missingPackages(tiers, tools = TOOLS) {
  const needed = [...new Set(tiers.flatMap((tier) => TIER_TOOLS[tier]))]
  return needed.filter((key) => !tools[key].present()).map((key) => tools[key].debianPackage)
}

/**
 * How this process may install Debian packages: directly as root, through sudo when it asks
 * no password, or not at all.
 * @returns {'root' | 'sudo' | null}
 */
function installRight() {
  if (!onPath('apt-get')) return null
  if (process.getuid?.() === 0) return 'root'
  return onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0 ? 'sudo' : null
}

/**
 * Installs what the tiers lack, or explains what to run. Returns false when the tests cannot run.
 * `NEWSROOM_TEST_INSTALL=off` never installs.
 * @param {readonly (keyof typeof TIER_TOOLS)[]} tiers
 * @param {(line: string) => void} say
 * @param {Record<string, Tool>} [tools]
 */
export function provideTestTools(tiers, say, tools = TOOLS) {
  const missing = missingPackages(tiers, tools)
  if (missing.length === 0) return true
  const command = `apt-get install -y ${missing.join(' ')}`
  const right = process.env.NEWSROOM_TEST_INSTALL === 'off' ? null : installRight()
  if (!right) {
    say(`测试缺少系统软件包：${missing.join('、')}。请先运行：sudo apt-get update && sudo ${command}`)
    return false
  }
  say(`正在安装测试所需的系统软件包：${missing.join('、')}（${right === 'sudo' ? 'sudo ' : ''}${command}）`)
  const run = (/** @type {string[]} */ args) => {
    const [file, ...rest] = right === 'sudo' ? ['sudo', '-n', ...args] : args
    return spawnSync(file, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0
  }
  if (!run(['apt-get', 'update', '-qq']) || !run(['apt-get', 'install', '-y', '-qq', ...missing])) {
    say(`安装失败。请手动运行：sudo apt-get update && sudo ${command}`)
    return false
  }
  const still = missingPackages(tiers, tools)
  if (still.length) say(`安装后仍缺少：${still.join('、')}`)
  return still.length === 0
}
