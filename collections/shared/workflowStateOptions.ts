import { REVIEW_LEVEL_LABELS, REVIEW_LEVELS } from '@/newsroom/reviewChain'
import { WORKFLOW_STATE_LABELS, WORKFLOW_STATES } from '@/newsroom/workflow'
import { option } from './labels'

/** The workflow states as select options, labelled as the newsroom says them. */
export const workflowStateOptions = WORKFLOW_STATES.map((state) => option(state, WORKFLOW_STATE_LABELS[state].zh, WORKFLOW_STATE_LABELS[state].en))

/** The 三审 levels as select options: 初审, 复审, 校对, 终审. */
export const reviewLevelOptions = REVIEW_LEVELS.map((level) => option(level, REVIEW_LEVEL_LABELS[level], level))
