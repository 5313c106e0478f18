import { useId } from 'react'
import { databaseRecoveryReport } from '../../../../shared/database-recovery'
import type { DatabaseHealth } from '../../../../shared/ipc/contract'
import { useAppInfo, useOpenLogsFolder } from '../../api'
import { InlineError } from '../../ui/InlineError'
import { SettingsSection } from './SettingsSection'

export function DiagnosticsSection() {
  const info = useAppInfo()
  const openLogs = useOpenLogsFolder()

  return (
    <SettingsSection title="Diagnostics">
      {info.isError ? (
        <InlineError
          title="Could not read the app details"
          error={info.error}
          onRetry={() => void info.refetch()}
        />
      ) : info.isPending ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <dl className="details">
            <dt>App</dt>
            <dd>{info.data.name}</dd>
            <dt>Version</dt>
            <dd>{info.data.version}</dd>
            <dt>Platform</dt>
            <dd>{info.data.platform}</dd>
            <dt>Database</dt>
            <dd>{databaseStatusNames[info.data.database.status]}</dd>
          </dl>
          <DatabaseRecoveredNotice health={info.data.database} />
          <DatabaseDamagedNotice health={info.data.database} />
        </>
      )}
      <div className="settings-section__actions">
        <button
          type="button"
          className="button"
          disabled={openLogs.isPending}
          onClick={() => openLogs.mutate()}
        >
          Open logs folder
        </button>
      </div>
      {openLogs.isError ? (
        <InlineError title="Could not open the logs folder" error={openLogs.error} />
      ) : null}
    </SettingsSection>
  )
}

const databaseStatusNames: Record<DatabaseHealth['status'], string> = {
  ok: 'Healthy',
  recovered: 'Recovered',
  damaged: 'Damaged',
}

/** SQLite's own words, for whoever looks into it: folded away from the plain sentence. */
function TechnicalDetails({ text }: { text: string }) {
  return (
    <details className="muted">
      <summary>Technical details</summary>
      <p>{text}</p>
    </details>
  )
}

function DatabaseDamagedNotice({ health }: { health: DatabaseHealth }) {
  const titleId = useId()
  if (health.status !== 'damaged') return null
  return (
    <div className="notice notice--warning" role="region" aria-labelledby={titleId}>
      <p id={titleId} className="notice__title">
        The database is damaged: restart Leadbox to repair it
      </p>
      <p>
        A check while Leadbox ran found damage in its database. At the next start Leadbox moves the
        damaged file aside, keeps it, starts with a fresh one and brings over the changes not yet
        sent to Pipedrive that it can still read; sending them before you restart is safest.
      </p>
      <TechnicalDetails text={health.reason} />
    </div>
  )
}

function DatabaseRecoveredNotice({ health }: { health: DatabaseHealth }) {
  const titleId = useId()
  if (health.status !== 'recovered') return null
  return (
    <div className="notice notice--warning" role="region" aria-labelledby={titleId}>
      <p id={titleId} className="notice__title">
        The database was damaged and has been replaced
      </p>
      <p>{databaseRecoveryReport(health)}</p>
      <TechnicalDetails text={health.reason} />
    </div>
  )
}
