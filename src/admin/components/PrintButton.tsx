'use client'

import { Button } from '@payloadcms/ui'

/** Prints the page with its print stylesheet: the admin's navigation and tabs stay off the paper. */
export function PrintButton({ label = '打印' }: { label?: string }) {
  return (
    <Button buttonStyle="secondary" className="print-hidden" onClick={() => window.print()} size="small">
      {label}
    </Button>
  )
}
