import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { BrowserWindow } from 'electron'
import {
  app,
  clipboard,
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
import { appOrigin, senderPage } from './security/trusted-sender'
import { registerAppScheme, serveAppScheme } from './window/app-protocol-handler'
import { createMainWindow } from './window/main-window'
import { watchInboxAttention } from './window/inbox-attention'
import { createQuickAddWindow } from './window/quick-add-window'
import { createTray } from './window/tray'
import { setAppMenu } from './window/app-menu'
import { askAfterCrashes, recoverFromCrashes } from './window/renderer-crash'
import { setWindowsAppIdentity } from './platform/app-identity'
import {
  createQuickAddShortcut,
  enableShortcutPortal,
  isWaylandSession,
} from './platform/quick-add-shortcut'
import {
  autostartDirectory,
  createLaunchAtLogin,
  loginItemFor,
  startedAtLogin,
} from './platform/launch-at-login'
import { createAppUpdates, updateAvailability } from './updates/app-updates'
import { electronUpdater } from './updates/electron-updates'
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
    // Pipedrive's daily budget is shared by the company: fresh only while someone looks.
    watchInboxAttention(window, (attention) => core?.setAttention(attention))
    mainWindow = window
  }
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

/** The Linux package this copy came in ("deb"), as electron-builder recorded it. */
function linuxPackageType(): string | undefined {
  try {
    return readFileSync(join(process.resourcesPath, 'package-type'), 'utf8').trim()
  } catch {
    return undefined
  }
}

/** Closes the database and the log, once; what is buffered is written first. */
async function closeCore(): Promise<void> {
  if (!core) return
  const closing = core
  core = undefined
  await closing.close()
}

async function start(): Promise<void> {
  setAppMenu({ platform: process.platform, packaged: app.isPackaged, appName: app.name })
  const ses = session.defaultSession
  denyAllPermissions(ses)
  if (!devServer) {
    enforceContentSecurityPolicy(ses, contentSecurityPolicy)
    serveAppScheme(join(__dirname, '../renderer'), contentSecurityPolicy)
  }
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, openExternal)
    recoverFromCrashes(contents, {
      log: (details, action) =>
        core?.log.error(
          { reason: details.reason, exitCode: details.exitCode, action },
          'page crashed',
        ),
      ask: () => askAfterCrashes(() => app.quit()),
    })
  })

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
    // Electron's typings give a promise; wrapped, a plain string answer works as well.
    onOpened: () => {
      core?.catalogRefresher.quickAddOpened()
      core?.clipboardOffer.opened(async () => clipboard.readText())
    },
    onHidden: () => core?.clipboardOffer.forget(),
  })
  const shortcut = createQuickAddShortcut(
    core.settings,
    () => quickAdd.toggle(),
    isWaylandSession(process.platform, process.env) ? 'desktop' : 'system',
  )
  const { events, log } = core
  const tray = createTray(
    {
      quickAdd: () => quickAdd.show(),
      open: showMainWindow,
      syncNow: () => core?.sync.wake('sync now'),
      quit: () => app.quit(),
      restartToUpdate: () => void restartToUpdate(),
    },
    () => shortcut.status().accelerator,
  )
  const updates = createAppUpdates({
    availability: updateAvailability({
      packaged: app.isPackaged,
      platform: process.platform,
      appImage: process.env['APPIMAGE'],
      linuxPackage: linuxPackageType(),
    }),
    createUpdater: () => electronUpdater(log),
    timers: {
      after: (ms, run) => {
        const timer = setTimeout(run, ms)
        return () => clearTimeout(timer)
      },
      every: (ms, run) => {
        const timer = setInterval(run, ms)
        return () => clearInterval(timer)
      },
    },
    now: Date.now,
    onChange: (status) => {
      tray.showUpdateReady(status.state === 'ready' ? status.version : null)
      events.emit('updates:changed', undefined)
    },
    beforeInstall: closeCore,
    log,
  })
  const restartToUpdate = () =>
    updates.restartToUpdate().catch((error: unknown) => log.warn({ err: error }, 'restart failed'))
  const launchAtLogin = createLaunchAtLogin(
    loginItemFor(process.platform, {
      electron: {
        get: (options) => app.getLoginItemSettings(options),
        set: (settings) => app.setLoginItemSettings(settings),
      },
      autostartDir: autostartDirectory(process.env, homedir()),
      // An AppImage runs from a temporary mount; the file itself is what to start.
      executable: process.env['APPIMAGE'] ?? process.execPath,
    }),
    core.settings,
  )
  tray.showCounts(core.syncStatus().counts)
  core.events.on('sync:status', (status) => tray.showCounts(status.counts))
  // Launching at login turns on with the first sign-in (unless the user chose otherwise).
  const signedIn = () => core?.accounts.status().account != null
  if (signedIn()) launchAtLogin.signedIn()
  core.events.on('auth:changed', () => {
    if (signedIn()) launchAtLogin.signedIn()
  })
  registerIpc(
    createRouter({
      handlers: createHandlers(core, {
        hideQuickAdd: () => quickAdd.hide(),
        showQuickAdd: () => quickAdd.show(),
        showMainWindow,
        shortcut: () => shortcut.status(),
        changeShortcut: (accelerator) => shortcut.change(accelerator),
        updateStatus: () => updates.status(),
        restartToUpdate: () => updates.restartToUpdate(),
        launchAtLogin: () => launchAtLogin.status(),
        setLaunchAtLogin: (enabled) => launchAtLogin.set(enabled),
      }),
      senderPage: (frameUrl) => senderPage(frameUrl, trustedOrigins),
      log: core.log,
    }),
  )
  forwardEvents(core.events)
  // Back from sleep: the network may have changed under us, and rows may be due.
  powerMonitor.on('resume', () => core?.sync.wake('resume'))
  // Started by the login item: wait in the tray. macOS says so instead of passing --hidden.
  const macOpenedAtLogin =
    process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin
  if (!startedAtLogin(process.argv, macOpenedAtLogin)) showMainWindow()
}

// Before ready: Chromium reads its features when it starts.
enableShortcutPortal(app.commandLine, process.platform)

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerAppScheme()
  setWindowsAppIdentity()
  app.on('second-instance', showMainWindow)
  app.on('activate', showMainWindow)
  // The hidden quick-add window and the tray keep Leadbox running when the main window
  // closes, so the shortcut still works; Quit is in the tray.
  app.on('will-quit', () => globalShortcut.unregisterAll())
  app.on('will-quit', (event) => {
    // The database and the log close before the process ends, so nothing buffered is lost.
    if (!core) return
    event.preventDefault()
    void closeCore().finally(() => app.exit(0))
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
