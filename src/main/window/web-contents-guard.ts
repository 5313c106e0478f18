import type { Session, WebContents } from 'electron'
import { openExternalUrl } from '../core/links/external-link'

/**
 * Locks down every web contents the app creates: no navigation away from our pages (web
 * links go to the system browser instead), no new windows, no webviews.
 */
export function guardWebContents(
  contents: WebContents,
  openExternal: (url: string) => Promise<void>,
): void {
  const sendOut = (url: string) => void openExternalUrl(url, openExternal).catch(() => false)
  contents.on('will-navigate', (event, url) => {
    event.preventDefault()
    sendOut(url)
  })
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    sendOut(url)
    return { action: 'deny' }
  })
}

/** Camera, microphone, notifications prompts, geolocation…: Leadbox asks for none. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}

/** The policy also travels as a header, so it holds for any response, not only our HTML. */
export function enforceContentSecurityPolicy(session: Session, policy: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [policy],
      },
    })
  })
}
