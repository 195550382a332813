import { type CollectionBeforeOperationHook, executeAccess } from 'payload'

import { safeFileName } from '@/uploads/fileNames'
import { inspectImage, type UploadProblem, uploadProblems } from '@/uploads/inspectImage'
import { uploadRefusal } from '@collections/shared/errors'

const refuse = (problem: UploadProblem) => uploadRefusal(problem.message, problem.status, problem.reason)

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

/**
 * Payload downloads a `{ url, filename }` source itself while generating the file data, after
 * every hook has run, so such a file would reach sharp without the checks below.
 */
const namesRemoteFile = (data: unknown) => isRecord(data) && typeof data.url === 'string' && typeof data.filename === 'string'

/**
 * Runs before Payload touches the file: Payload detects the type, decodes and resizes while
 * generating file data, before any beforeValidate or beforeChange hook. Refusing here means
 * nothing is decoded, written to the media directory or inserted.
 */
export const inspectUploadedFile: CollectionBeforeOperationHook = async ({ args, collection, operation, overrideAccess, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  const remoteSource = !file && operation === 'create' && args.duplicateFromID == null && [args.data, req.data].some(namesRemoteFile)
  if (!file && !remoteSource) return args

  // Payload checks access only after this hook: an anonymous sender is owed its 403, not a
  // verdict on the file, and must not get the server to decode anything.
  const id = 'id' in args && (typeof args.id === 'number' || typeof args.id === 'string') ? args.id : undefined
  const mayWrite = overrideAccess || (await executeAccess({ req, data: args.data, id, disableErrors: true }, collection.access[operation]))
  if (!mayWrite) return args

  if (!file) throw refuse(uploadProblems.remoteSourceNotAccepted())
  const inspection = await inspectImage(file)
  if ('problem' in inspection) {
    // The refusal tells the uploader the file is damaged; the decoder's own words are for us.
    const { reason, detail } = inspection.problem
    if (detail) req.payload.logger.warn({ msg: `upload to ${collection.slug} refused: ${reason}`, file: file.name, detail })
    throw refuse(inspection.problem)
  }
  const { format } = inspection.image
  // Payload names the stored file and picks its converter from these two, so they must
  // describe the bytes, not what the sender claimed.
  req.file = { ...file, name: safeFileName(file.name, format.extension), mimetype: format.mimeType }
  return args
}
