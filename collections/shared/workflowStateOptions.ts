import { WORKFLOW_STATE_LABELS, WORKFLOW_STATES } from '@/newsroom/workflow'
import { option } from './labels'

/** The workflow states as select options, labelled as the newsroom says them. */
export const workflowStateOptions = WORKFLOW_STATES.map((state) => option(state, WORKFLOW_STATE_LABELS[state].zh, WORKFLOW_STATE_LABELS[state].en))
