const allowedProtocols = new Set(['http:', 'https:'])

/**
 * Returns the URL to hand to the system browser, or null. Only plain web links pass:
 * no file:, javascript:, custom schemes or embedded credentials, whatever the page sends.
 */
export function safeExternalUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2048) return null
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return null
  }
  if (!allowedProtocols.has(url.protocol)) return null
  if (url.username !== '' || url.password !== '') return null
  if (url.hostname === '') return null
  return url.href
}

/** The one way Leadbox opens a link outside itself. `open` is Electron's shell.openExternal. */
export async function openExternalUrl(
  value: unknown,
  open: (url: string) => Promise<void>,
): Promise<boolean> {
  const url = safeExternalUrl(value)
  if (url === null) return false
  await open(url)
  return true
}
