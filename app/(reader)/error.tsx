'use client'

import { usePathname, useSearchParams } from 'next/navigation'
import { useEffect } from 'react'

import { ErrorNotice } from '@/reader/components/ErrorNotice'

type Props = { error: Error & { digest?: string } }

export default function ReaderError({ error }: Props) {
  useEffect(() => {
    // The digest links what the reader sees to the server's log line, without exposing the error.
    console.error(error.digest ?? error.message)
  }, [error])
  // A plain link to this very address, not `reset()`: reset re-renders what the browser already
  // has, while a failed server render needs the server to render again.
  const query = useSearchParams().toString()
  return <ErrorNotice digest={error.digest} retryHref={`${usePathname()}${query ? `?${query}` : ''}`} />
}
