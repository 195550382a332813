'use client'

import { useAuth, useFormFields } from '@payloadcms/ui'

import { SaveThenPublishButton } from './SaveThenPublishButton'

const PUBLISHABLE = new Set(['approved', 'scheduled', 'published'])

/**
 * The article's 发布 button, shown only to editors and only when the article may go public;
 * the server enforces the same rule (collections/Articles/hooks/enforceWorkflow). Like every
 * workflow button it saves pending changes first (SaveThenPublishButton).
 */
export function WorkflowPublishButton() {
  const { user } = useAuth<{ role?: string }>()
  const state = useFormFields(([fields]) => fields.workflowState?.value as string | undefined)
  const editorial = user?.role === 'editor' || user?.role === 'admin'
  if (!editorial || !state || !PUBLISHABLE.has(state)) return null
  return state === 'published' ? <SaveThenPublishButton label="发布修改" /> : <SaveThenPublishButton label="签发" confirmAs="publish" />
}
