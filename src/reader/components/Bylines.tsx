import { formatBylines } from '../../newsroom/bylines'
import type { PresentedByline } from '../presentation'

type Props = { bylines: PresentedByline[]; trailing?: boolean }

export function Bylines({ bylines, trailing = false }: Props) {
  if (bylines.length === 0) return null
  return (
    <p className={trailing ? 'bylines bylines--trailing' : 'bylines'}>{formatBylines(bylines, { trailing })}</p>
  )
}
