import { APIError } from 'payload'

/**
 * A refusal the user must read: its message reaches REST, GraphQL and the admin's toast.
 * The explicit name matters: Payload's error formatter falls back to the error's class name,
 * which the production bundle minifies away, and then replaces the message with
 * "An unknown error occurred." `details` go to the client beside `reason` (`errors[0].data`).
 */
export function refusal(message: string, status: 400 | 403 | 409, reason: string, details: Record<string, unknown> = {}): APIError {
  const error = new APIError(message, status, { ...details, reason }, true)
  error.name = 'NewsroomRefusal'
  return error
}

/**
 * A refused upload. 413 (too large) and 415 (not an accepted type) let clients and proxies
 * tell the cases apart without parsing the message; named like `refusal` for the same reason.
 */
export function uploadRefusal(message: string, status: 400 | 413 | 415, reason: string): APIError {
  const error = new APIError(message, status, { reason }, true)
  error.name = 'NewsroomRefusal'
  return error
}

/** An endpoint's own refusal, in the shape Payload gives its errors (`errors[0].message`). */
export const errorResponse = (message: string, status: number): Response => Response.json({ errors: [{ message }] }, { status })
