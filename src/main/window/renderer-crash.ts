import { dialog, type RenderProcessGoneDetails, type WebContents } from 'electron'

export interface CrashRecoveryOptions {
  log(details: RenderProcessGoneDetails, action: 'reload' | 'ask'): void
  /** After crashes in a row: true to try once more, false to leave it (or quit). */
  ask(): Promise<boolean>
  now?: () => number
  /** A crash this soon after the last reload counts as the same trouble, not a new one. */
  withinMs?: number
}

type Page = Pick<WebContents, 'on' | 'reload' | 'isDestroyed'>

/**
 * A renderer that crashes leaves its window blank. Reload it once, quietly; if it crashes
 * again soon after, reloading would only loop, so the user is asked instead.
 */
export function recoverFromCrashes(contents: Page, options: CrashRecoveryOptions): void {
  const now = options.now ?? Date.now
  const withinMs = options.withinMs ?? 60_000
  let reloadedAt: number | null = null
  let asking = false

  const reload = () => {
    reloadedAt = now()
    if (!contents.isDestroyed()) contents.reload()
  }

  contents.on('render-process-gone', (_event, details) => {
    // A page that ended normally (its window closed) needs nothing.
    if (details.reason === 'clean-exit' || contents.isDestroyed()) return
    const again = reloadedAt !== null && now() - reloadedAt < withinMs
    if (!again) {
      options.log(details, 'reload')
      reload()
      return
    }
    options.log(details, 'ask')
    if (asking) return
    asking = true
    void options
      .ask()
      .then((retry) => {
        if (retry) reload()
      })
      .finally(() => (asking = false))
  })
}

/** The question after crashes in a row, in plain words. Resolves true for "Try again". */
export async function askAfterCrashes(onQuit: () => void): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: 'Leadbox',
    message: 'A Leadbox window keeps stopping.',
    detail:
      'It stopped twice in a short time, so Leadbox did not reload it again. Your leads are safe: they are saved before a window shows them. Try again, or quit and start Leadbox again.',
    buttons: ['Try again', 'Quit Leadbox'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  })
  if (response === 1) onQuit()
  return response === 0
}
