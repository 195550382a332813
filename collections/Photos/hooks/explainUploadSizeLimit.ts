import { type CollectionAfterErrorHook, formatErrors } from 'payload'

import { uploadProblems } from '@/uploads/inspectImage'
import { uploadRefusal } from '@collections/shared/errors'

/** Payload's multipart parser marks the refusal of an over-long file with the bytes it read. */
const isMultipartFileSizeLimit = (error: Error) => {
  const { status, data } = error as Error & { status?: unknown; data?: { size?: unknown } | null }
  return status === 413 && typeof data?.size === 'number'
}

/**
 * Over REST the multipart parser refuses an over-long file while reading the request, before
 * any collection hook, with an English "File size limit has been reached". Only this REST
 * error hook sees it; it gives the admin and API clients the same message the Local API gets.
 */
export const explainUploadSizeLimit: CollectionAfterErrorHook = ({ error }) => {
  if (!isMultipartFileSizeLimit(error)) return
  const problem = uploadProblems.fileTooLarge()
  return { response: formatErrors(uploadRefusal(problem.message, problem.status, problem.reason)), status: problem.status }
}
