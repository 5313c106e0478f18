// Loaded with `node --import` before the packaged main bundle: answers require('electron')
// with a stand-in, since Electron's binary is not available here. Anything the bundle asks of
// Electron that matters to starting up (paths, readiness, the app:// handler) answers as
// Electron would; everything else is a no-op that records nothing. What happened is reported
// on stdout as JSON lines starting with "leadbox-stand-in ".
import Module from 'node:module'

const userData = process.env.LEADBOX_STAND_IN_USER_DATA
const appPath = process.env.LEADBOX_STAND_IN_APP_PATH
const report = (event, detail = {}) =>
  process.stdout.write(`leadbox-stand-in ${JSON.stringify({ event, ...detail })}\n`)

// A value that is callable, constructible and has every property, so glue code that does not
// matter here runs through without a fuss. It is not thenable, and it iterates as empty.
function anything() {
  const target = function () {}
  return new Proxy(target, {
    get(_target, key) {
      if (key === 'then') return undefined
      if (key === Symbol.iterator) return function* () {}
      if (key === Symbol.toPrimitive) return () => ''
      return anything()
    },
    apply: () => anything(),
    construct: () => anything(),
  })
}

function withOverrides(overrides) {
  return new Proxy(overrides, {
    get(target, key) {
      return Object.hasOwn(target, key) ? target[key] : anything().x
    },
  })
}

let appHandler
const workArea = { x: 0, y: 0, width: 1920, height: 1080 }
const display = { id: 1, workArea, bounds: workArea, scaleFactor: 1 }

const electron = withOverrides({
  app: withOverrides({
    isPackaged: true,
    getPath: () => userData,
    getAppPath: () => appPath,
    getVersion: () => '0.1.0',
    getName: () => 'Leadbox',
    whenReady: () => Promise.resolve(),
    isReady: () => true,
    requestSingleInstanceLock: () => true,
    getLoginItemSettings: () => ({ openAtLogin: false, wasOpenedAtLogin: false }),
    setLoginItemSettings: () => undefined,
    on: () => electron.app,
    once: () => electron.app,
    exit: (code) => report('exit', { code }),
    quit: () => report('quit'),
  }),
  dialog: withOverrides({
    showErrorBox: (title, message) => report('error', { title, message }),
  }),
  protocol: withOverrides({
    registerSchemesAsPrivileged: () => undefined,
    handle: (scheme, handler) => {
      if (scheme === 'app') appHandler = handler
    },
  }),
  screen: withOverrides({
    getPrimaryDisplay: () => display,
    getAllDisplays: () => [display],
    getDisplayMatching: () => display,
    getDisplayNearestPoint: () => display,
    getCursorScreenPoint: () => ({ x: 10, y: 10 }),
  }),
  BrowserWindow: new Proxy(function () {}, {
    construct() {
      const window = anything()
      return withOverrides({
        webContents: window.webContents,
        isDestroyed: () => false,
        isVisible: () => false,
        isMinimized: () => false,
        getNormalBounds: () => ({ x: 0, y: 0, width: 1100, height: 720 }),
        loadURL: (url) => {
          report('load', { url })
          return Promise.resolve()
        },
      })
    },
    get: (_target, key) => (key === 'getAllWindows' ? () => [] : anything()),
  }),
})

const load = Module._load
Module._load = function (request, parent, isMain) {
  if (request === 'electron') return electron
  return load.call(this, request, parent, isMain)
}

// Once the main window has asked for its page, fetch that page through the app:// handler the
// bundle registered, as Electron would.
const poll = setInterval(async () => {
  if (!appHandler) return
  clearInterval(poll)
  try {
    const response = await appHandler(new Request('app://leadbox/index.html'))
    const body = await response.text()
    report('served', { status: response.status, hasRoot: body.includes('id="root"') })
  } catch (error) {
    report('served', { status: 0, error: String(error) })
  }
}, 20)
poll.unref()
