/** Messages by input name (a form's own names, or a draft's paths such as `activity.type`). */
export type FieldMessages = Readonly<Record<string, string | undefined>>

/** The message of one input, and the attributes that tie the input to it. */
export function fieldErrorProps(errors: FieldMessages, input: string, baseId: string) {
  const message = errors[input]
  const id = `${baseId}-${input.replace(/\W/g, '-')}-error`
  return {
    message,
    id,
    invalid: message
      ? { 'aria-invalid': true as const, 'aria-describedby': id }
      : ({} as Record<string, never>),
  }
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null
  return (
    <p id={id} className="field__error" role="alert">
      {message}
    </p>
  )
}
