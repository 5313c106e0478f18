import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import keytar from 'keytar'
import { keychainItems, accountKey } from '../../../src/main/core/auth/keychain-items'
import { keychainService } from '../../../src/main/core/auth/secret-store'
import { createDemoCompany } from '../../pipedrive-sandbox/demo-company'
import { seedIds, startSandbox, type Sandbox } from '../../pipedrive-sandbox'
import { checkElectron, type ElectronCheck } from '../../support/electron-binary'
import { startHarness, type Harness } from './server'

export interface DemoOptions {
  /** The browser version's port on 127.0.0.1 (0 picks a free one). */
  port?: number
  /** 'never' opens the browser version even where Electron starts. */
  electron?: 'auto' | 'never'
  /** Keychain service of the browser version's sign-in (tests use their own). */
  keychainService?: string
  /** Builds the renderer the browser version serves (the tests build it beforehand). */
  buildRenderer?: () => Promise<void>
  /** Where the demo tells what it is doing. */
  say?: (line: string) => void
}

export interface Demo {
  sandbox: Sandbox
  /** 'electron': the app is open; 'browser': the built renderer is served at these URLs. */
  opened:
    | { kind: 'electron' }
    | { kind: 'browser'; mainWindowUrl: string; quickAddUrl: string; whyNotElectron: string }
  /** Settles when the Electron app was closed (never, for the browser version). */
  ended: Promise<void>
  close(): Promise<void>
}

// Each run starts from a fresh, throwaway data folder; nothing of a real account is touched.
const signedInAccount = accountKey(seedIds.company, seedIds.me)

async function signIn(harness: Harness, sandbox: Sandbox): Promise<void> {
  await harness.core.accounts.signInWithToken(sandbox.apiToken)
  // Catalog and inbox filled before the window opens, so it shows the company at once.
  await harness.core.catalogRefresher.refresh()
  await harness.core.inboxRefresher.refresh()
}

/**
 * `npm run demo`: a Pipedrive sandbox holding a realistic company, Leadbox signed in to it, and
 * the Electron app opened against it, or the browser version where Electron cannot start.
 */
export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const say = options.say ?? ((line: string) => console.log(line))
  const dataDir = mkdtempSync(join(tmpdir(), 'leadbox-demo-'))
  const sandbox = await startSandbox({ company: createDemoCompany })
  say(`Pipedrive sandbox with the demo company: ${sandbox.url}`)
  // A step that fails leaves nothing running behind it.
  const undoOnFailure = async <T>(step: () => Promise<T>, undo?: () => Promise<void>) => {
    try {
      return await step()
    } catch (error) {
      await undo?.()
      await sandbox.close()
      rmSync(dataDir, { recursive: true, force: true })
      throw error
    }
  }

  const electron: ElectronCheck =
    options.electron === 'never'
      ? { ok: false, reason: 'The browser version was asked for.' }
      : checkElectron()

  if (electron.ok) {
    // The app keeps its sign-in in the keychain under its own service name, so the demo signs
    // in there, in a data folder of its own, and removes that keychain item when it ends.
    await undoOnFailure(async () => {
      const setup = await startHarness({ dataDir, keychainService, pipedriveUrl: sandbox.url })
      try {
        await signIn(setup, sandbox)
      } finally {
        await setup.close()
      }
    })
    say('Opening Leadbox…')
    const app = startElectronApp(sandbox.url, dataDir)
    // Whoever ends it (the user quitting the app, or Ctrl+C), the clean-up runs once.
    const ended = new Promise<void>((done) => app.once('exit', () => done())).then(async () => {
      await keytar.deletePassword(keychainService, keychainItems.apiToken(signedInAccount))
      await sandbox.close()
      rmSync(dataDir, { recursive: true, force: true })
    })
    return {
      sandbox,
      opened: { kind: 'electron' },
      ended,
      close() {
        if (app.exitCode === null && app.signalCode === null) app.kill('SIGTERM')
        return ended
      },
    }
  }

  say(`${electron.reason} Opening the browser version instead.`)
  await undoOnFailure(async () => options.buildRenderer?.())
  const harness = await undoOnFailure(() =>
    startHarness({
      dataDir,
      keychainService: options.keychainService ?? 'Leadbox-demo',
      pipedriveUrl: sandbox.url,
      port: options.port ?? 0,
    }),
  )
  await undoOnFailure(
    () => signIn(harness, sandbox),
    () => harness.close(),
  )
  let closing: Promise<void> | undefined
  return {
    sandbox,
    opened: {
      kind: 'browser',
      mainWindowUrl: `${harness.url}/index.html`,
      quickAddUrl: `${harness.url}/quick-add.html`,
      whyNotElectron: electron.reason,
    },
    ended: new Promise(() => {}),
    close() {
      closing ??= (async () => {
        await harness.core.accounts.signOut().catch(() => undefined)
        await harness.close()
        await sandbox.close()
        rmSync(dataDir, { recursive: true, force: true })
      })()
      return closing
    },
  }
}

/** `npm start` (Electron's better-sqlite3, then electron-vite dev), pointed at the sandbox. */
function startElectronApp(pipedriveUrl: string, dataDir: string): ChildProcess {
  const env = {
    ...process.env,
    LEADBOX_PIPEDRIVE_URL: pipedriveUrl,
    LEADBOX_USER_DATA_DIR: dataDir,
  }
  // Run by npm, npm_execpath is npm's own script: no shell needed, on Windows too.
  const npm = process.env['npm_execpath']
  return npm
    ? spawn(process.execPath, [npm, 'start'], { env, stdio: 'inherit' })
    : spawn('npm', ['start'], { env, stdio: 'inherit', shell: process.platform === 'win32' })
}
