import { type FieldHook, type FlattenedField, type RichTextField, ValidationError } from 'payload'

import { documentIdCheck } from '@/database/adapter'
import { type LexicalTreeRules, lexicalTreeProblems } from './lexicalTree'
import { chineseLabelOf } from './textLimits'

/** Where a rich text field keeps its tree rules, for the API guard to read from the sanitized config. */
const RULES_KEY = 'newsroomLexicalTree'

/**
 * Checks a rich text field's tree on every save a person makes: drafts and autosaves too, which
 * Payload does not validate, and Local API calls that carry a user. Saves without one (seeds,
 * scheduled publication, imports run from the shell) are the system's own. The hook goes
 * first, so the field's other hooks and the editor's never walk a malformed tree.
 */
export function withLexicalTreeChecks(field: RichTextField, rules: LexicalTreeRules): RichTextField {
  const refuseMalformedTree: FieldHook = ({ value, req, collection, path, originalDoc }) => {
    if (!req.user || value === undefined || value === null) return value
    // A save that leaves the stored tree as it was (a workflow step, a change to another field)
    // is not refused for text stored before these rules existed.
    const stored = path.reduce<unknown>((doc, key) => (doc as Record<string, unknown> | undefined)?.[key], originalDoc)
    if (stored !== undefined && JSON.stringify(stored) === JSON.stringify(value)) return value
    const fieldPath = path.join('.')
    const label = chineseLabelOf(field)
    const { problems } = lexicalTreeProblems(value, rules, { isId: documentIdCheck(req.payload), path: fieldPath, label })
    if (problems.length > 0) throw new ValidationError({ collection: collection?.slug, errors: problems.map((problem) => ({ ...problem, label })), req }, req.t)
    return value
  }
  return {
    ...field,
    custom: { ...field.custom, [RULES_KEY]: rules },
    hooks: { ...field.hooks, beforeValidate: [refuseMalformedTree, ...(field.hooks?.beforeValidate ?? [])] },
  }
}

export function lexicalTreeRulesOf(field: FlattenedField): LexicalTreeRules | undefined {
  return (field.custom as Record<string, LexicalTreeRules> | undefined)?.[RULES_KEY]
}
