// A second server process's scheduler on the test's database (DATABASE_URI from the parent):
// `payload run tests/helpers/schedulerProcess.ts <ISO time>`. Prints "ready" once Payload has
// started, runs the due schedules when a line arrives on stdin, prints the run as JSON, exits.
import config from '@payload-config'
import { getPayload } from 'payload'

import { runDueSchedules } from '@/workflow/scheduler'

const now = new Date(process.argv.at(-1) as string)
const payload = await getPayload({ config })
process.stdout.write('ready\n')
await new Promise((resolve) => process.stdin.once('data', resolve))
const run = await runDueSchedules(payload, now)
process.stdout.write(`${JSON.stringify(run)}\n`)
await payload.destroy()
process.exit(0)
