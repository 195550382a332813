'use client'

import { PublishButton, useAuth, useFormFields } from '@payloadcms/ui'

const PUBLISHABLE = new Set(['approved', 'scheduled', 'published'])

/**
 * Payload's own 发布 button, shown only to editors and only when the article may go
 * public; the server enforces the same rule (collections/Articles/hooks/enforceWorkflow).
 */
export function WorkflowPublishButton() {
  const { user } = useAuth<{ role?: string }>()
  const state = useFormFields(([fields]) => fields.workflowState?.value as string | undefined)
  const editorial = user?.role === 'editor' || user?.role === 'admin'
  if (!editorial || !state || !PUBLISHABLE.has(state)) return null
  return <PublishButton label={state === 'published' ? '发布修改' : '签发'} />
}
