import { type Field, type Tab, validations } from 'payload'

import { textLimitProblem } from './textLimits'

type FieldVisitor = (field: Field, path: string) => Field
type Validate = (value: unknown, options: Record<string, unknown>) => unknown
type Admin = { description?: unknown; hidden?: boolean; readOnly?: boolean }

/**
 * Rebuilds a field list with `visit` applied to every field that holds a value of its own,
 * given its data path (`installment.partName`, `corrections.note`: array rows and blocks add
 * no index, a block adds its slug).
 */
export function mapDataFields(fields: readonly Field[], visit: FieldVisitor, prefix = ''): Field[] {
  const at = (name: string | undefined) => (!name ? prefix : prefix ? `${prefix}.${name}` : name)
  return fields.map((field): Field => {
    switch (field.type) {
      case 'row':
      case 'collapsible':
        return { ...field, fields: mapDataFields(field.fields, visit, prefix) }
      case 'tabs':
        return { ...field, tabs: field.tabs.map((tab): Tab => ({ ...tab, fields: mapDataFields(tab.fields, visit, at('name' in tab ? tab.name : undefined)) })) }
      case 'group':
        return { ...field, fields: mapDataFields(field.fields, visit, at('name' in field ? field.name : undefined)) } as Field
      case 'array':
        return { ...field, fields: mapDataFields(field.fields, visit, at(field.name)) }
      case 'blocks':
        return { ...field, blocks: field.blocks.map((block) => ({ ...block, fields: mapDataFields(block.fields, visit, at(`${field.name}.${block.slug}`)) })) }
      default:
        return 'name' in field && field.name ? visit(field, at(field.name)) : field
    }
  })
}

/**
 * Gives a text field its limit three ways: `maxLength`, which the API guard reads for drafts;
 * a line in its description, so the editor knows before typing; and a validator that counts
 * code points. Payload's own counts UTF-16 units (𠀋 would count twice) and its message
 * repeats the whole over-long value back to the client.
 */
export function withTextLimit(field: Field, limit: number): Field {
  if (field.type !== 'text' && field.type !== 'textarea') return field
  const own = (field.validate ?? validations[field.type]) as Validate
  const validate: Validate = (value, options) => textLimitProblem(value, { ...field, maxLength: limit }) ?? own(value, { ...options, maxLength: undefined })
  const admin = { ...field.admin, description: describedLimit(field.admin, limit) }
  return { ...field, maxLength: limit, validate, admin } as Field
}

/** Applies a table of limits (data path → characters) to a field list. */
export function withTextLimits(fields: readonly Field[], limits: Readonly<Record<string, number>>): Field[] {
  return mapDataFields(fields, (field, path) => (path in limits ? withTextLimit(field, limits[path]) : field))
}

function describedLimit(admin: Admin | undefined, limit: number): unknown {
  const description = admin?.description
  // Hidden and derived fields are filled by hooks: nobody types into them.
  if (admin?.hidden || admin?.readOnly || typeof description === 'function') return description
  const zh = `最多 ${limit} 个字。`
  const en = `At most ${limit} characters.`
  if (description === undefined) return { zh, en }
  if (typeof description === 'string') return `${description} ${zh}`
  const labels = description as Record<string, string>
  return { ...labels, zh: `${labels.zh ?? ''}${zh}`, en: labels.en ? `${labels.en} ${en}` : en }
}
