import { join } from 'node:path'
import type { BrowserWindow } from 'electron'
import {
  app,
  dialog,
  globalShortcut,
  net,
  Notification,
  powerMonitor,
  session,
  shell,
} from 'electron'
import keytar from 'keytar'
import { contentSecurityPolicy } from '../shared/csp'
import { LeadboxError } from '../shared/result'
import { createKeychainSecretStore } from './core/auth/secret-store'
import { createCore, type Core } from './core/index'
import { createHandlers } from './ipc/handlers'
import { forwardEvents, registerIpc } from './ipc/register'
import { createRouter } from './ipc/router'
import { developmentDataDir } from './platform/development-data-dir'
import { electronNetwork } from './platform/network'
import { electronSqliteBinding } from './platform/sqlite-binding'
import { appOrigin, isTrustedSender } from './security/trusted-sender'
import { registerAppScheme, serveAppScheme } from './window/app-protocol-handler'
import { createMainWindow } from './window/main-window'
import { createQuickAddWindow } from './window/quick-add-window'
import { createTray } from './window/tray'
import { createQuickAddShortcut } from './platform/quick-add-shortcut'
import {
  denyAllPermissions,
  enforceContentSecurityPolicy,
  guardWebContents,
} from './window/web-contents-guard'

// The one place that hands Electron's pieces to the core.

const devServer = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined
// Development only: talk to the Pipedrive sandbox (npm run sandbox) instead of Pipedrive.
// A packaged app never reads it, and nothing the renderer sends can set it.
const pipedriveUrl = !app.isPackaged ? process.env['LEADBOX_PIPEDRIVE_URL'] : undefined
// Before 'ready', as Electron asks of a userData override (npm run demo uses a folder of its own).
const dataDir = developmentDataDir(app.isPackaged, process.env)
if (dataDir) app.setPath('userData', dataDir)
// The Pipedrive app (Developer Hub) this copy signs in with; without it, Settings asks for one.
const oauthClientId = process.env['LEADBOX_OAUTH_CLIENT_ID']
const oauthClientSecret = process.env['LEADBOX_OAUTH_CLIENT_SECRET']
const oauthClient =
  oauthClientId && oauthClientSecret
    ? { clientId: oauthClientId, clientSecret: oauthClientSecret }
    : undefined
const pageUrl = (page: string) => (devServer ? `${devServer}/${page}` : `${appOrigin}/${page}`)
const trustedOrigins = devServer ? [appOrigin, new URL(devServer).origin] : [appOrigin]
// Reached only through openExternalUrl, which lets plain http(s) links through and nothing else.
const openExternal = (url: string) => shell.openExternal(url) // eng-disable OPEN_EXTERNAL_JS_CHECK

let core: Core | undefined
let mainWindow: BrowserWindow | undefined
const preload = join(__dirname, '../preload/index.js')

function showMainWindow(): void {
  if (!core) return
  if (!mainWindow || mainWindow.isDestroyed()) {
    const window = createMainWindow({
      preload,
      url: pageUrl('index.html'),
      settings: core.settings,
    })
    // Pipedrive's daily budget is shared by the company: the inbox looks less often unseen.
    const seen = () => core?.inboxRefresher.setSeen(window.isVisible() && !window.isMinimized())
    window.on('show', seen)
    window.on('hide', seen)
    window.on('minimize', seen)
    window.on('restore', seen)
    window.on('closed', () => core?.inboxRefresher.setSeen(false))
    mainWindow = window
  }
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

async function start(): Promise<void> {
  const ses = session.defaultSession
  denyAllPermissions(ses)
  if (!devServer) {
    enforceContentSecurityPolicy(ses, contentSecurityPolicy)
    serveAppScheme(join(__dirname, '../renderer'), contentSecurityPolicy)
  }
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openExternal))

  const sqliteBinding = electronSqliteBinding(app.getAppPath(), app.isPackaged)
  core = await createCore({
    dataDir: app.getPath('userData'),
    version: app.getVersion(),
    platform: process.platform,
    fetch: (input, init) => net.fetch(input as string, init),
    secrets: createKeychainSecretStore(keytar),
    network: electronNetwork(),
    openExternal,
    openPath: (path) => shell.openPath(path),
    notify: (title, body) => {
      if (Notification.isSupported()) new Notification({ title, body }).show()
    },
    ...(sqliteBinding ? { sqliteBinding } : {}),
    ...(pipedriveUrl ? { pipedriveUrl } : {}),
    ...(oauthClient ? { oauthClient } : {}),
  })
  // The quick-add window waits hidden, so the shortcut shows it at once.
  const quickAdd = createQuickAddWindow({
    preload,
    url: pageUrl('quick-add.html'),
    otherWindowVisible: () =>
      Boolean(mainWindow && !mainWindow.isDestroyed() && mainWindow.isVisible()),
  })
  const shortcut = createQuickAddShortcut(core.settings, () => quickAdd.toggle())
  const tray = createTray(
    {
      quickAdd: () => quickAdd.show(),
      open: showMainWindow,
      syncNow: () => core?.sync.wake('sync now'),
      quit: () => app.quit(),
    },
    () => shortcut.status().accelerator,
  )
  tray.showCounts(core.syncStatus().counts)
  core.events.on('sync:status', (status) => tray.showCounts(status.counts))
  registerIpc(
    createRouter({
      handlers: createHandlers(core, {
        hideQuickAdd: () => quickAdd.hide(),
        showMainWindow,
        shortcut: () => shortcut.status(),
        changeShortcut: (accelerator) => shortcut.change(accelerator),
      }),
      isTrustedSender: (frameUrl) => isTrustedSender(frameUrl, trustedOrigins),
      log: core.log,
    }),
  )
  forwardEvents(core.events)
  // Back from sleep: the network may have changed under us, and rows may be due.
  powerMonitor.on('resume', () => core?.sync.wake('resume'))
  showMainWindow()
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerAppScheme()
  app.on('second-instance', showMainWindow)
  app.on('activate', showMainWindow)
  // The hidden quick-add window and the tray keep Leadbox running when the main window
  // closes, so the shortcut still works; Quit is in the tray.
  app.on('will-quit', () => globalShortcut.unregisterAll())
  app.on('will-quit', (event) => {
    // The database and the log close before the process ends, so nothing buffered is lost.
    if (!core) return
    const closing = core
    core = undefined
    event.preventDefault()
    void closing.close().finally(() => app.exit(0))
  })
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      const message =
        error instanceof LeadboxError ? error.message : `Leadbox could not start: ${String(error)}`
      dialog.showErrorBox('Leadbox', message)
      app.exit(1)
    })
}
