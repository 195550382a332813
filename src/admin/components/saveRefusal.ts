/** One entry of a Payload error response's `errors`, with a ValidationError's per-field problems. */
type ApiError = { message?: unknown; data?: { errors?: { path?: unknown; message?: unknown; label?: unknown }[] } | null }

export type FieldError = { path: string; message: string }
export type SaveRefusal = { reason: string; fieldErrors: FieldError[] }

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '')

/**
 * Why the server refused a save, in the words it used: each field's problem when it names
 * fields (a ValidationError, such as a headline over its limit), else its message (a save made
 * on a stale copy, a workflow rule), else the HTTP status. The field errors are returned too,
 * for the form to mark those fields as Payload's own save does.
 */
export function explainSaveRefusal(body: unknown, status: number): SaveRefusal {
  const errors: ApiError[] = Array.isArray((body as { errors?: unknown } | null)?.errors) ? (body as { errors: ApiError[] }).errors : []
  const fieldErrors: FieldError[] = []
  const described: string[] = []
  for (const error of errors) {
    for (const problem of error?.data?.errors ?? []) {
      const path = text(problem?.path)
      const message = text(problem?.message)
      if (!path || !message) continue
      fieldErrors.push({ path, message })
      const label = text(problem.label)
      described.push(label && !message.startsWith(label) ? `${label}：${message}` : message)
    }
  }
  if (described.length > 0) return { reason: described.join('；'), fieldErrors }
  const messages = errors.map((error) => text(error?.message)).filter(Boolean)
  const topLevel = text((body as { message?: unknown } | null)?.message)
  return { reason: messages.join('；') || topLevel || `服务器拒绝了保存（HTTP ${status}）。`, fieldErrors }
}
