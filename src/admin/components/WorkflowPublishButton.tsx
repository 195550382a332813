'use client'

import { useAuth, useFormFields } from '@payloadcms/ui'

import { can } from '@/access/permissions'
import { SaveThenPublishButton } from './SaveThenPublishButton'

/**
 * Payload's 发布 button, as 发布修改: it publishes saved changes to an article already public,
 * for those who may publish (publishArticles); the server enforces the same rule (collections/Articles/hooks/enforceWorkflow).
 * Before that the article passes 三审 and is published in the workflow panel, with the other
 * workflow actions and in the history: one 发布, not a second one here; a change is published
 * only once the 终审 has signed it again. Like every workflow button it
 * saves pending changes first (SaveThenPublishButton).
 */
export function WorkflowPublishButton() {
  const { user } = useAuth()
  const state = useFormFields(([fields]) => fields.workflowState?.value as string | undefined)
  if (!can(user, 'publishArticles') || state !== 'published') return null
  return <SaveThenPublishButton label="发布修改" />
}
