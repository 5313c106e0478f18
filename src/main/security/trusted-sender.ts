/** The scheme and host the built pages are served from inside the app. */
export const appScheme = 'app'
export const appHost = 'leadbox'
export const appOrigin = `${appScheme}://${appHost}`

/** The pages that may call main: the main window and the quick-add window. */
export const appPages = ['index.html', 'quick-add.html'] as const
export type AppPage = (typeof appPages)[number]

/**
 * Which of our own pages this frame is, or null when it is not one of them. Compared by
 * parsed origin and path, never by prefix, so `app://leadbox.evil` or
 * `http://127.0.0.1:5173@evil.test` do not pass. The bare origin is the main page.
 */
export function senderPage(
  frameUrl: string | undefined,
  origins: readonly string[],
): AppPage | null {
  if (typeof frameUrl !== 'string') return null
  let url: URL
  try {
    url = new URL(frameUrl)
  } catch {
    return null
  }
  if (url.username !== '' || url.password !== '') return null
  const origin = url.protocol === `${appScheme}:` ? `${url.protocol}//${url.host}` : url.origin
  if (!origins.includes(origin)) return null
  const page = url.pathname.replace(/^\/+/, '')
  if (page === '') return 'index.html'
  return (appPages as readonly string[]).includes(page) ? (page as AppPage) : null
}

/** Is this frame one of our own pages? */
export function isTrustedSender(frameUrl: string | undefined, origins: readonly string[]): boolean {
  return senderPage(frameUrl, origins) !== null
}
