import { extname, resolve, sep } from 'node:path'
import { appHost } from './trusted-sender'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

/**
 * Maps an app:// request to a file inside the built renderer folder, or null when it
 * names another host or would climb out of the folder.
 */
export function resolveAppAsset(
  requestUrl: string,
  rendererDir: string,
): { file: string; contentType: string } | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.host !== appHost) return null
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (path.includes('\0')) return null
  const root = resolve(rendererDir)
  const file = resolve(root, '.' + (path === '/' ? '/index.html' : path))
  if (!file.startsWith(root + sep)) return null
  return { file, contentType: contentTypes[extname(file)] ?? 'application/octet-stream' }
}
