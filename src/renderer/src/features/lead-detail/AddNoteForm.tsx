import { useId, useState, type FormEvent } from 'react'
import { leadNoteInputSchema } from '../../../../shared/leads/lead-timeline'
import { LeadboxError } from '../../../../shared/result'
import { useAddNote } from '../../api'
import { describeError } from '../../ui/describe-error'
import { FieldError, fieldErrorProps } from '../../ui/FieldError'

/** A note on the lead, queued like every change: the text stays until it is saved. */
export function AddNoteForm({ leadId }: { leadId: string }) {
  const id = useId()
  const [content, setContent] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const add = useAddNote(leadId)
  const note = fieldErrorProps({ note: problem ?? undefined }, 'note', id)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const checked = leadNoteInputSchema.shape.content.safeParse(content)
    if (!checked.success) return setProblem(checked.error.issues[0]?.message ?? null)
    setProblem(null)
    add.mutate(checked.data, {
      onSuccess: () => setContent(''),
      onError: (error) =>
        setProblem(
          (error instanceof LeadboxError && error.fields?.['content']) ||
            describeError(error).message,
        ),
    })
  }

  return (
    <form className="lead-timeline__form" onSubmit={onSubmit} noValidate>
      <label className="field__label" htmlFor={`${id}-note`}>
        New note
      </label>
      <textarea
        id={`${id}-note`}
        className="text-input lead-timeline__note-input"
        rows={3}
        value={content}
        onChange={(event) => setContent(event.target.value)}
        onKeyDown={(event) => {
          // Esc leaves a note being written without closing the pane and losing it.
          if (event.key !== 'Escape' || !content.trim()) return
          event.preventDefault()
          event.currentTarget.blur()
        }}
        {...note.invalid}
      />
      <FieldError id={note.id} message={note.message} />
      <div className="lead-timeline__actions">
        <button type="submit" className="button" disabled={add.isPending}>
          Save note
        </button>
      </div>
    </form>
  )
}
