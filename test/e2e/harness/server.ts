import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import keytar from 'keytar'
import { createKeychainSecretStore } from '../../../src/main/core/auth/secret-store'
import { createCore, type Core } from '../../../src/main/core/index'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { desktopStandIn } from '../../support/desktop-stand-in'
import { createRouter } from '../../../src/main/ipc/router'
import { resolveAppAsset } from '../../../src/main/security/app-protocol'
import { senderPage } from '../../../src/main/security/trusted-sender'
import { contentSecurityPolicy } from '../../../src/shared/csp'
import { eventNames } from '../../../src/shared/ipc/contract'
import { networkSwitch } from '../../support/network-switch'

export interface HarnessOptions {
  dataDir: string
  /** The built renderer (electron-vite build's out/renderer). */
  rendererDir?: string
  /** Keychain service name, so tests never touch the user's Leadbox items. */
  keychainService?: string
  port?: number
  /** The Pipedrive sandbox's URL: the app's development override (LEADBOX_PIPEDRIVE_URL). */
  pipedriveUrl?: string
  /** The loopback port of the OAuth callback URL. */
  oauthCallbackPort?: number
  /** Accelerators the desktop stand-in plays as held by another application. */
  takenShortcuts?: string[]
}

export interface Harness {
  url: string
  core: Core
  network: ReturnType<typeof networkSwitch>
  /** What the app asked of the desktop shell (hiding the quick-add window). */
  desktop: ReturnType<typeof desktopStandIn>['record']
  /** The user opens quick add (shortcut or tray): what the clipboard holds is read then. */
  openQuickAdd(): void
  /** What the app asked the OS to open: links and folders. */
  opened: { links: string[]; folders: string[] }
  /**
   * Holds every IPC answer from now until the returned function is called, as a main process
   * still starting up would: the page waits on its first queries (the inbox shows "Loading").
   */
  holdAnswers(): () => void
  close(): Promise<void>
}

const bridgeScript = '/__harness/bridge.js'

async function bundleBridge(): Promise<string> {
  const result = await build({
    entryPoints: [join(__dirname, 'bridge.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  })
  return result.outputFiles[0]!.text
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  if (text === '') return {}
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/**
 * The real main-process core and IPC router in Node, the built renderer over
 * http://127.0.0.1, and window.leadbox over HTTP. Only the transport differs from the app.
 */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const rendererDir = resolve(options.rendererDir ?? 'out/renderer')
  const bridge = await bundleBridge()
  const network = networkSwitch(true)
  const opened = { links: [] as string[], folders: [] as string[] }
  const core = await createCore({
    dataDir: options.dataDir,
    version: '0.0.0-harness',
    platform: process.platform,
    fetch,
    secrets: createKeychainSecretStore(keytar, options.keychainService ?? 'Leadbox-harness'),
    network,
    openExternal: async (url) => void opened.links.push(url),
    openPath: async (path) => {
      opened.folders.push(path)
      return ''
    },
    ...(options.pipedriveUrl ? { pipedriveUrl: options.pipedriveUrl } : {}),
    ...(options.oauthCallbackPort ? { oauthCallbackPort: options.oauthCallbackPort } : {}),
  })

  const desktop = desktopStandIn(options.takenShortcuts, {
    onOpened: (readText) => core.clipboardOffer.opened(readText),
  })
  let origin = ''
  const route = createRouter({
    handlers: createHandlers(core, desktop.desktop),
    // The page's own URL stands in for Electron's senderFrame: the browser sets Referer.
    senderPage: (frameUrl) => senderPage(frameUrl, [origin]),
    log: core.log,
  })

  // While set, IPC requests wait for it before they are answered.
  let answersHeld: { released: Promise<void>; release: () => void } | null = null
  const holdAnswers = () => {
    let release = () => {}
    const released = new Promise<void>((done) => (release = done))
    const hold = { released, release }
    answersHeld = hold
    return () => {
      if (answersHeld === hold) answersHeld = null
      hold.release()
    }
  }

  const streams = new Set<ServerResponse>()
  const unsubscribe = eventNames.map((name) =>
    core.events.on(name, (payload) => {
      const data = payload === undefined ? '' : JSON.stringify(payload)
      for (const stream of streams) stream.write(`event: ${name}\ndata: ${data}\n\n`)
    }),
  )

  async function serveFile(request: IncomingMessage, response: ServerResponse) {
    const asset = resolveAppAsset(`app://leadbox${request.url ?? '/'}`, rendererDir)
    if (!asset) return void response.writeHead(404).end()
    let body: Buffer | string
    try {
      body = await readFile(asset.file)
    } catch {
      return void response.writeHead(404).end()
    }
    if (asset.contentType.startsWith('text/html')) {
      body = body
        .toString('utf8')
        .replace('<head>', `<head><script src="${bridgeScript}"></script>`)
    }
    response.writeHead(200, {
      'content-type': asset.contentType,
      'content-security-policy': contentSecurityPolicy,
      'cache-control': 'no-store',
    })
    response.end(body)
  }

  async function answer(request: IncomingMessage, response: ServerResponse) {
    const path = (request.url ?? '/').split('?')[0]!
    if (request.method === 'GET' && path === bridgeScript) {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' })
      return void response.end(bridge)
    }
    if (request.method === 'POST' && path.startsWith('/__harness/ipc/')) {
      const channel = decodeURIComponent(path.slice('/__harness/ipc/'.length))
      const body = (await readBody(request)) as { payload?: unknown } | null
      if (answersHeld) await answersHeld.released
      const result = await route(channel, body?.payload, request.headers.referer)
      response.writeHead(200, { 'content-type': 'application/json' })
      return void response.end(JSON.stringify(result))
    }
    if (request.method === 'GET' && path === '/__harness/events') {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      })
      response.write(': connected\n\n')
      streams.add(response)
      request.on('close', () => streams.delete(response))
      return
    }
    if (request.method === 'GET') return serveFile(request, response)
    response.writeHead(405).end()
  }

  const server = createServer((request, response) => void answer(request, response))

  try {
    // A taken port is an 'error' event, not an exception: without this it would wait forever.
    await new Promise<void>((done, fail) => {
      server.once('error', fail)
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', fail)
        done()
      })
    })
  } catch (error) {
    for (const off of unsubscribe) off()
    await core.close()
    throw error
  }
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url: origin,
    core,
    network,
    desktop: desktop.record,
    openQuickAdd: () => desktop.desktop.showQuickAdd(),
    opened,
    holdAnswers,
    async close() {
      answersHeld?.release()
      for (const off of unsubscribe) off()
      for (const stream of streams) stream.end()
      server.closeAllConnections()
      await new Promise<void>((done) => server.close(() => done()))
      await core.close()
    },
  }
}
