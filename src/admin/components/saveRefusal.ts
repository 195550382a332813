import { textLimitProblem } from '../../security/textLimits'

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

/** What this check reads of the admin's (client) field config. */
type ConfigField = { type?: string; name?: string; label?: unknown; maxLength?: number; fields?: ConfigField[]; tabs?: { name?: string; fields?: ConfigField[] }[] }
type Data = Record<string, unknown> | undefined

const asData = (value: unknown): Data => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined)

/**
 * The text fields of a form's data that are longer than their limit, with the message the
 * server's own check gives (src/security/textLimits.ts, whose limits the fields carry as
 * `maxLength`). For a refusal that arrives without its per-field details, so the editor still
 * learns which field is too long and by how much.
 */
export function overLimitFields(fields: readonly ConfigField[], data: unknown, prefix = ''): FieldError[] {
  const found: FieldError[] = []
  const record = asData(data)
  for (const field of fields) {
    if (field.type === 'tabs') {
      for (const tab of field.tabs ?? []) {
        found.push(...(tab.name ? overLimitFields(tab.fields ?? [], record?.[tab.name], `${prefix}${tab.name}.`) : overLimitFields(tab.fields ?? [], record, prefix)))
      }
      continue
    }
    if (!field.name) {
      found.push(...overLimitFields(field.fields ?? [], record, prefix))
      continue
    }
    const path = `${prefix}${field.name}`
    const value = record?.[field.name]
    if ((field.type === 'text' || field.type === 'textarea') && typeof field.maxLength === 'number') {
      const message = textLimitProblem(value, { name: field.name, type: field.type, label: field.label, maxLength: field.maxLength })
      if (message) found.push({ path, message })
    } else if (field.type === 'group') {
      found.push(...overLimitFields(field.fields ?? [], value, `${path}.`))
    } else if (field.type === 'array' && Array.isArray(value)) {
      value.forEach((row, index) => found.push(...overLimitFields(field.fields ?? [], row, `${path}.${index}.`)))
    }
  }
  return found
}
