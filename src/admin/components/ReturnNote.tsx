import { formatChineseDateTime } from '@/newsroom/dates'
import type { ReturnNote as ReturnNoteData } from '@/workflow/returnNotes'

/**
 * Why the article came back to its writer, who returned it and when (Beijing time): shown at
 * the top of the article and in the workflow panel until it is submitted again.
 */
export function ReturnNote({ note, testId }: { note: ReturnNoteData; testId: string }) {
  return (
    <div className="return-note" role="note" aria-label="退回理由" data-testid={testId}>
      <p className="return-note__heading">
        <strong>稿件已退回修改</strong>
        <span className="return-note__meta">
          {note.by ?? '编辑'} 于 <time dateTime={note.at}>{formatChineseDateTime(note.at)}</time> 退回
        </span>
      </p>
      <p className="return-note__text">{note.note}</p>
    </div>
  )
}
