import { useId } from 'react'
import { useSyncStatus } from '../../api'
import { InlineError } from '../../ui/InlineError'

export function PipedriveAccountSection() {
  const status = useSyncStatus()
  const titleId = useId()
  const noteId = useId()

  return (
    <section className="settings-section" aria-labelledby={titleId}>
      <h2 id={titleId} className="settings-section__title">
        Pipedrive account
      </h2>
      {status.isError ? (
        <InlineError
          title="Could not check the account"
          error={status.error}
          onRetry={() => void status.refetch()}
        />
      ) : status.isPending ? (
        <p className="muted">Checking…</p>
      ) : status.data.signedIn ? (
        <p>Connected. New leads go to this account.</p>
      ) : (
        <>
          <p>Not connected yet.</p>
          <p id={noteId} className="muted">
            Connecting an account, with a personal API token or by signing in to Pipedrive, will be
            done here. It is not part of this version yet.
          </p>
          <button type="button" className="button" disabled aria-describedby={noteId}>
            Connect Pipedrive
          </button>
        </>
      )}
    </section>
  )
}
