import { useId } from 'react'
import { useLaunchAtLogin, useSetLaunchAtLogin } from '../../api'
import { InlineError } from '../../ui/InlineError'
import { SettingSwitch } from './SettingSwitch'
import { SettingsSection } from './SettingsSection'

/**
 * Settings → Start at login: Leadbox waits in the tray from the moment the user logs in, so
 * the quick-add shortcut works at once. On by default after the first sign-in.
 */
export function LaunchAtLoginSection() {
  const status = useLaunchAtLogin()
  const change = useSetLaunchAtLogin()
  const hintId = useId()

  return (
    <SettingsSection title="Start at login">
      {status.isError ? (
        <InlineError
          title="Could not read whether Leadbox starts at login"
          error={status.error}
          onRetry={() => void status.refetch()}
        />
      ) : status.isPending ? (
        <p className="muted">Loading…</p>
      ) : !status.data.supported ? (
        <p className="muted">This system does not let Leadbox start at login.</p>
      ) : (
        <>
          <SettingSwitch
            enabled={status.data.enabled}
            saving={change.isPending}
            describedBy={hintId}
            change={change.mutateAsync}
          >
            Start Leadbox when I log in
          </SettingSwitch>
          <p id={hintId} className="muted">
            It starts in the tray, without opening its window, so quick add is ready at once.
          </p>
        </>
      )}
      {change.isError ? (
        <InlineError title="Could not change the login setting" error={change.error} />
      ) : null}
    </SettingsSection>
  )
}
