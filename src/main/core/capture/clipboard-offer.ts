import type { SettingsStore } from '../settings/settings-store'

/** Longer than any contact card; a clipboard holding more is not one. */
const longestContact = 20_000

/**
 * Quick add's clipboard chip. The clipboard is read once, when the user opens the quick-add
 * window (shortcut, tray or button), and only while the user allows it in Settings; what
 * was read is handed to that window once and forgotten when it hides. Nothing is kept,
 * logged or sent: the window offers the contact, and only a pick puts it in the line.
 */
export interface ClipboardOffer {
  /** "Offer contacts copied to the clipboard", on unless the user turned it off. */
  enabled(): boolean
  setEnabled(enabled: boolean): boolean
  /** The user opened quick add: `readText` is the platform's clipboard, read now or never. */
  opened(readText: () => Promise<string>): void
  /** What the clipboard held at that opening, once; null when nothing was read. */
  take(): Promise<string | null>
  /** The window hid: what was read goes. */
  forget(): void
}

export function createClipboardOffer(settings: SettingsStore): ClipboardOffer {
  let pending: Promise<string | null> | null = null
  const enabled = () => settings.get('offerClipboardContacts') ?? true
  return {
    enabled,
    setEnabled(next) {
      settings.set('offerClipboardContacts', next)
      if (!next) pending = null
      return enabled()
    },
    opened(readText) {
      pending = enabled()
        ? readText().then(
            (text) => (text.trim() === '' || text.length > longestContact ? null : text),
            () => null,
          )
        : null
    },
    take() {
      const taken = pending ?? Promise.resolve(null)
      pending = null
      return taken
    },
    forget() {
      pending = null
    },
  }
}
