import { readFile } from 'node:fs/promises'
import { protocol } from 'electron'
import { resolveAppAsset } from '../security/app-protocol'
import { appScheme } from '../security/trusted-sender'

/** Must run before `ready`: app:// behaves like https (secure, standard origin, fetch). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/** Serves the built renderer from app://leadbox/, never file://, with the CSP header. */
export function serveAppScheme(rendererDir: string, policy: string): void {
  protocol.handle(appScheme, async (request) => {
    const asset = resolveAppAsset(request.url, rendererDir)
    if (!asset) return new Response('Not found', { status: 404 })
    try {
      const body = await readFile(asset.file)
      return new Response(body, {
        headers: { 'content-type': asset.contentType, 'content-security-policy': policy },
      })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}
