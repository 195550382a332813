import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

export function readerPayload(): Promise<Payload> {
  return getPayload({ config })
}
