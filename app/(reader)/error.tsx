'use client'

import { useEffect } from 'react'

import { ErrorNotice } from '@/reader/components/ErrorNotice'

type Props = { error: Error & { digest?: string }; reset: () => void }

export default function ReaderError({ error, reset }: Props) {
  useEffect(() => {
    // The digest links what the reader sees to the server's log line, without exposing the error.
    console.error(error.digest ?? error.message)
  }, [error])
  return <ErrorNotice digest={error.digest} onRetry={reset} />
}
