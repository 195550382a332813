// Writes a CPU profile of the process it is preloaded into when that process exits, for a
// server that cannot be given --cpu-prof (Node refuses it in NODE_OPTIONS):
//   NEWSROOM_SERVER_NODE_OPTIONS="--import ./scripts/cpuProfile.mjs" CPU_PROFILE_DIR=/tmp/prof npm run soak
// Open the .cpuprofile in Chrome DevTools (Performance) or any cpuprofile viewer.
import fs from 'node:fs'
import inspector from 'node:inspector'
import path from 'node:path'

const dir = path.resolve(process.env.CPU_PROFILE_DIR || '.')
const session = new inspector.Session()
session.connect()
// A session in the process's own thread answers synchronously, so the profile can be written at exit.
session.post('Profiler.enable')
session.post('Profiler.setSamplingInterval', { interval: 1000 })
session.post('Profiler.start')

let written = false
function write() {
  if (written) return
  written = true
  session.post('Profiler.stop', (error, result) => {
    if (error) return
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, `server-${process.pid}-${Date.now()}.cpuprofile`), JSON.stringify(result.profile))
  })
}
process.on('exit', write)
for (const signal of ['SIGTERM', 'SIGINT']) {
  // Only when nothing else handles the signal: the server's own handler exits, and exit writes.
  process.once(signal, () => {
    write()
    if (process.listenerCount(signal) === 0) process.exit(0)
  })
}
