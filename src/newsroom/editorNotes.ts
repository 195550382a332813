/** The two kinds of editors' note a page prints before the text, with their printed labels. */
export const EDITOR_NOTE_LABELS = { editorsNote: '编者按', preface: '前言' } as const

export type EditorNoteKind = keyof typeof EDITOR_NOTE_LABELS
