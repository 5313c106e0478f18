import { describeError } from './describe-error'

interface Props {
  /** What was being attempted: "Could not load the outbox". */
  title: string
  error: unknown
  /** Offered as a "Try again" button, for failures a second attempt may fix. */
  onRetry?: () => void
}

export function InlineError({ title, error, onRetry }: Props) {
  // Plain words only: the error's code is for the logs, never appended to the message.
  const { message } = describeError(error)
  return (
    <div className="inline-error" role="alert">
      <p className="inline-error__title">{title}</p>
      <p className="inline-error__message">{message}</p>
      {onRetry ? (
        <button type="button" className="button inline-error__retry" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  )
}
