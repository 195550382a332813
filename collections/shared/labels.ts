import type { Field } from 'payload'

/** Admin labels: Chinese first, English for staff who switch the admin language. */
export const label = (zh: string, en: string) => ({ zh, en })

export const option = <T extends string>(value: T, zh: string, en: string) => ({ value, label: { zh, en } })

/**
 * Gives shared fields (which come without a label or with a generated English one) their
 * admin labels by name: hidden fields still show in the list's column picker and the version diff.
 */
export const withLabels = (fields: Field[], labels: Record<string, ReturnType<typeof label>>): Field[] =>
  fields.map((field) => ('name' in field && labels[field.name] ? { ...field, label: labels[field.name] } : field) as Field)
