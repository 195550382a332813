import config from '@payload-config'

import { schedulerToken } from './scheduler'
import { startSchedulerLoop } from './schedulerLoop'

/** Timed publishing runs whenever the server runs, not only while someone has the admin open. */
export async function startSchedulerAtBoot(): Promise<void> {
  const { secret } = await config
  startSchedulerLoop({ baseUrl: `http://127.0.0.1:${process.env.PORT || 3000}`, token: schedulerToken(secret) })
}
