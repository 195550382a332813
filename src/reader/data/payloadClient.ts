import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

/** `next build` is prerendering: there is no database to read, and whatever a page shows now it keeps. */
export const prerenderingAtBuild = (): boolean => process.env.NEXT_PHASE === 'phase-production-build'

export function readerPayload(): Promise<Payload> {
  return getPayload({ config })
}
