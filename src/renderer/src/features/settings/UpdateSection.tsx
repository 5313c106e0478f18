import type { UpdateStatus } from '../../../../shared/ipc/contract'
import { useRestartToUpdate, useUpdateStatus } from '../../api'
import { InlineError } from '../../ui/InlineError'
import { SettingsSection } from './SettingsSection'

/** What the update is doing, in a sentence. */
export function describeUpdate(status: UpdateStatus): string {
  switch (status.state) {
    case 'unavailable':
      return status.message ?? 'Updates are off for this copy of Leadbox.'
    case 'idle':
      return 'Leadbox is up to date. It looks for a new version every day.'
    case 'checking':
      return 'Looking for a new version…'
    case 'downloading':
      return `Downloading Leadbox ${status.version ?? ''}${
        status.percent !== null ? ` (${Math.round(status.percent)}%)` : ''
      }…`
    case 'ready':
      return `Leadbox ${status.version ?? ''} is ready. Restart to update; leads waiting to sync stay safe.`
    case 'failed':
      return status.message ?? 'Leadbox could not update. It will try again later.'
  }
}

/** Settings → Updates: the state of Leadbox's own update, and "Restart to update". */
export function UpdateSection() {
  const status = useUpdateStatus()
  const restart = useRestartToUpdate()

  return (
    <SettingsSection title="Updates">
      {status.isError ? (
        <InlineError
          title="Could not read the update status"
          error={status.error}
          onRetry={() => void status.refetch()}
        />
      ) : status.isPending ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <p role="status" data-testid="update-status">
            {describeUpdate(status.data)}
          </p>
          {status.data.state === 'ready' ? (
            <div className="settings-section__actions">
              <button
                type="button"
                className="button button--primary"
                disabled={restart.isPending}
                onClick={() => restart.mutate()}
              >
                Restart to update
              </button>
            </div>
          ) : null}
        </>
      )}
      {restart.isError ? <InlineError title="Could not restart" error={restart.error} /> : null}
    </SettingsSection>
  )
}
