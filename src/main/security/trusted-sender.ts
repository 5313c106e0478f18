/** The scheme and host the built pages are served from inside the app. */
export const appScheme = 'app'
export const appHost = 'leadbox'
export const appOrigin = `${appScheme}://${appHost}`

/** The pages that may call main: the main window and the quick-add window. */
export const appPages = ['index.html', 'quick-add.html'] as const

/**
 * Is this frame one of our own pages? Compared by parsed origin and path, never by prefix,
 * so `app://leadbox.evil` or `http://127.0.0.1:5173@evil.test` do not pass.
 */
export function isTrustedSender(frameUrl: string | undefined, origins: readonly string[]): boolean {
  if (typeof frameUrl !== 'string') return false
  let url: URL
  try {
    url = new URL(frameUrl)
  } catch {
    return false
  }
  if (url.username !== '' || url.password !== '') return false
  const origin = url.protocol === `${appScheme}:` ? `${url.protocol}//${url.host}` : url.origin
  if (!origins.includes(origin)) return false
  const page = url.pathname.replace(/^\/+/, '')
  return page === '' || (appPages as readonly string[]).includes(page)
}
