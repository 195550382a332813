import type { PayloadEmailAdapter as EmailAdapter } from 'payload'

import { type Env, isDemoMode } from '@/config/environment'
import { logOnlyEmailAdapter } from './logAdapter'
import { smtpSettings } from './settings'
import { smtpEmailAdapter } from './smtpAdapter'

/** Payload's `email` setting: SMTP when SMTP_HOST is set, else the log (see ./logAdapter). */
export function newsroomEmailAdapter(env: Env = process.env): EmailAdapter {
  const smtp = smtpSettings(env)
  return smtp ? smtpEmailAdapter(smtp) : logOnlyEmailAdapter({ demo: isDemoMode(env) })
}
