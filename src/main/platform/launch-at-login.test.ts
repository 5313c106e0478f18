import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../core/db/migrate'
import { createSettingsStore } from '../core/settings/settings-store'
import {
  autostartDirectory,
  createLaunchAtLogin,
  loginItemFor,
  quoteExecArgument,
  startedAtLogin,
  type ElectronLoginItems,
} from './launch-at-login'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'leadbox-autostart-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function settings() {
  const db = new Database(':memory:')
  migrate(db)
  return createSettingsStore(db)
}

/** Electron's login item settings as the system keeps them: by path and arguments on Windows. */
function systemLoginItems() {
  const registered = new Map<string, boolean>()
  const key = (args: string[] | undefined) => JSON.stringify(args ?? [])
  const electron: ElectronLoginItems = {
    get: ({ args }) => ({ openAtLogin: registered.get(key(args)) ?? false }),
    set: ({ openAtLogin, args }) => void registered.set(key(args), openAtLogin),
  }
  return { electron, registered }
}

describe('launching at login', () => {
  it('on Linux writes and removes an XDG autostart entry that starts hidden', async () => {
    const autostartDir = join(dir, 'config', 'autostart')
    const item = loginItemFor('linux', {
      electron: systemLoginItems().electron,
      autostartDir,
      executable: '/opt/Leadbox/leadbox',
    })!
    expect(item.isEnabled()).toBe(false)
    item.setEnabled(true)
    const entry = await readFile(join(autostartDir, 'leadbox.desktop'), 'utf8')
    expect(entry).toContain('[Desktop Entry]\nType=Application\nName=Leadbox\n')
    expect(entry).toContain('\nExec=/opt/Leadbox/leadbox --hidden\n')
    expect(item.isEnabled()).toBe(true)
    item.setEnabled(false)
    expect(item.isEnabled()).toBe(false)
    item.setEnabled(false)
  })

  it('counts an autostart entry the desktop hid as off', async () => {
    const item = loginItemFor('linux', {
      electron: systemLoginItems().electron,
      autostartDir: dir,
      executable: '/usr/bin/leadbox',
    })!
    item.setEnabled(true)
    const file = join(dir, 'leadbox.desktop')
    await writeFile(file, `${await readFile(file, 'utf8')}Hidden=true\n`)
    expect(item.isEnabled()).toBe(false)
  })

  it('quotes an AppImage path with spaces and symbols as the Exec key asks', () => {
    expect(quoteExecArgument('/home/ann/Apps/Leadbox-1.0.0.AppImage')).toBe(
      '/home/ann/Apps/Leadbox-1.0.0.AppImage',
    )
    expect(quoteExecArgument('/home/ann/My Apps/Lead$box "x" 100%.AppImage')).toBe(
      '"/home/ann/My Apps/Lead\\\\$box \\\\"x\\\\" 100%%.AppImage"',
    )
  })

  it('finds the autostart folder from XDG_CONFIG_HOME, else ~/.config', () => {
    expect(autostartDirectory({ XDG_CONFIG_HOME: '/x/config' }, '/home/ann')).toBe(
      '/x/config/autostart',
    )
    expect(autostartDirectory({}, '/home/ann')).toBe('/home/ann/.config/autostart')
    expect(autostartDirectory({ XDG_CONFIG_HOME: 'relative' }, '/home/ann')).toBe(
      '/home/ann/.config/autostart',
    )
  })

  it("on Windows registers with the hidden argument; on macOS through Electron's login item", () => {
    const windows = systemLoginItems()
    const item = loginItemFor('win32', { ...windows, autostartDir: dir, executable: 'x' })!
    item.setEnabled(true)
    expect([...windows.registered]).toEqual([['["--hidden"]', true]])
    expect(item.isEnabled()).toBe(true)

    const mac = systemLoginItems()
    const macItem = loginItemFor('darwin', { ...mac, autostartDir: dir, executable: 'x' })!
    macItem.setEnabled(true)
    expect([...mac.registered]).toEqual([['[]', true]])
    expect(loginItemFor('freebsd', { ...mac, autostartDir: dir, executable: 'x' })).toBeUndefined()
  })

  it('starts hidden when the login item started it', () => {
    expect(startedAtLogin(['/opt/Leadbox/leadbox', '--hidden'], false)).toBe(true)
    expect(startedAtLogin(['/Applications/Leadbox.app/Contents/MacOS/Leadbox'], true)).toBe(true)
    expect(startedAtLogin(['/opt/Leadbox/leadbox'], false)).toBe(false)
  })

  it('turns on at the first sign-in, and never overrides what the user chose', () => {
    const store = settings()
    const system = systemLoginItems()
    const item = loginItemFor('darwin', { ...system, autostartDir: dir, executable: 'x' })
    const launch = createLaunchAtLogin(item, store)
    expect(launch.status()).toEqual({ supported: true, enabled: false })
    launch.signedIn()
    expect(launch.status()).toEqual({ supported: true, enabled: true })

    expect(launch.set(false)).toEqual({ supported: true, enabled: false })
    launch.signedIn()
    expect(launch.status().enabled).toBe(false)

    // A user who turned it off before ever signing in keeps it off too.
    const other = createLaunchAtLogin(
      loginItemFor('linux', { ...system, autostartDir: dir, executable: 'x' }),
      settings(),
    )
    other.set(false)
    other.signedIn()
    expect(other.status().enabled).toBe(false)
  })

  it('says when this system has no login items', () => {
    const launch = createLaunchAtLogin(undefined, settings())
    launch.signedIn()
    expect(launch.set(true)).toEqual({ supported: false, enabled: false })
  })
})
