import { useId } from 'react'
import { useClipboardOffer, useSetClipboardOffer } from '../../api'
import { InlineError } from '../../ui/InlineError'
import { SettingSwitch } from './SettingSwitch'
import { SettingsSection } from './SettingsSection'

/**
 * Settings → Clipboard: whether opening quick add reads the clipboard once to offer a contact
 * copied there. Off, the clipboard is never read.
 */
export function ClipboardOfferSection() {
  const status = useClipboardOffer()
  const change = useSetClipboardOffer()
  const hintId = useId()

  return (
    <SettingsSection title="Clipboard">
      {status.isError ? (
        <InlineError
          title="Could not read this setting"
          error={status.error}
          onRetry={() => void status.refetch()}
        />
      ) : status.isPending ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <SettingSwitch
            enabled={status.data.enabled}
            saving={change.isPending}
            describedBy={hintId}
            change={change.mutateAsync}
          >
            Offer contacts copied to the clipboard
          </SettingSwitch>
          <p id={hintId} className="muted">
            When you open quick add, Leadbox looks once at what you copied. If it is a signature, a
            contact card or an email link, quick add offers it; nothing is used unless you pick it.
          </p>
          {change.isError ? (
            <InlineError title="Could not change this setting" error={change.error} />
          ) : null}
        </>
      )}
    </SettingsSection>
  )
}
