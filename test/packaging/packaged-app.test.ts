import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
// electron-builder's own helpers for asar archives and fuses, not pinned again here.
import * as asar from '@electron/asar'
import * as fuses from '@electron/fuses'
import Database from 'better-sqlite3'
import { Platform, build } from 'electron-builder'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { shippedFuseWire, writeStandInElectron } from './stand-in-electron'

const root = resolve(import.meta.dirname, '../..')
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
  version: string
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}

let work: string
let appDir: string
let archive: string

beforeAll(async () => {
  if (!existsSync(join(root, 'out/main/index.js'))) {
    throw new Error('Build the app first: npm run build')
  }
  work = await mkdtemp(join(tmpdir(), 'leadbox-packaging-'))
  const electronDist = await writeStandInElectron(join(work, 'electron'))
  // The project's own configuration, with only what this machine cannot do replaced: the
  // Electron distribution, and the rebuild for Electron's ABI (so .node files stay Node's).
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: {
      electronDist,
      electronVersion: '45.5.0',
      npmRebuild: false,
      directories: { output: join(work, 'dist') },
    },
  })
  appDir = join(work, 'dist', 'linux-unpacked')
  archive = join(appDir, 'resources', 'app.asar')
}, 120_000)

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true })
})

const listing = () => asar.listPackage(archive, { isPack: false }).map((entry) => entry.slice(1))
const packagesIn = (entries: string[]) =>
  new Set(
    entries
      .filter((entry) => entry.startsWith('node_modules/'))
      .map((entry) => {
        const [, scope, name] = entry.split('/')
        if (!scope?.startsWith('@')) return scope
        return name ? `${scope}/${name}` : undefined
      })
      .filter((name): name is string => Boolean(name)),
  )

describe('the packaged app', () => {
  it('holds the built app and the runtime dependencies, and no development tools', async () => {
    const entries = listing()
    for (const file of [
      'package.json',
      'out/main/index.js',
      'out/preload/index.js',
      'out/renderer/index.html',
      'out/renderer/quick-add.html',
    ]) {
      expect(entries).toContain(file)
    }
    expect(entries.some((entry) => entry.startsWith('src/'))).toBe(false)
    expect(entries.some((entry) => entry.startsWith('test/'))).toBe(false)

    const shipped = packagesIn(entries)
    for (const name of Object.keys(pkg.dependencies)) expect(shipped).toContain(name)
    // A development dependency ships only when a runtime one needs it (better-sqlite3 lists
    // prebuild-install among its own dependencies).
    const neededByShipped = new Set<string>()
    for (const name of shipped) {
      const manifest = JSON.parse(
        asar.extractFile(archive, `node_modules/${name}/package.json`).toString('utf8'),
      ) as { dependencies?: Record<string, string> }
      for (const dependency of Object.keys(manifest.dependencies ?? {}))
        neededByShipped.add(dependency)
    }
    const strays = Object.keys(pkg.devDependencies).filter(
      (name) => shipped.has(name) && !neededByShipped.has(name),
    )
    expect(strays).toEqual([])
    for (const tool of ['electron', 'electron-builder', 'vite', 'react', 'typescript']) {
      expect(shipped.has(tool)).toBe(false)
    }
  })

  it('unpacks every native module and the tray icons from the asar', () => {
    const entries = listing()
    const native = entries.filter((entry) => entry.endsWith('.node'))
    expect(native).toEqual(
      expect.arrayContaining([
        'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
        'node_modules/keytar/build/Release/keytar.node',
      ]),
    )
    const icons = entries.filter((entry) => /^resources\/.+\.png$/.test(entry))
    expect(icons.length).toBeGreaterThan(0)
    for (const entry of [...native, ...icons]) {
      const stat = asar.statFile(archive, entry) as { unpacked?: boolean }
      expect(stat.unpacked, entry).toBe(true)
      expect(existsSync(join(`${archive}.unpacked`, entry)), entry).toBe(true)
    }
  })

  it('flips the fuses on the packaged binary', async () => {
    const wire = (await fuses.getCurrentFuseWire(join(appDir, 'leadbox'))) as unknown as Record<
      number,
      number
    >
    const state = (option: number) => String.fromCharCode(wire[option] ?? 0)
    const { FuseV1Options } = fuses
    expect(state(FuseV1Options.RunAsNode)).toBe('0')
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0')
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe('0')
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe('1')
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1')
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe('1')
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe('0')
    // Fuses the configuration leaves alone keep Electron's setting.
    expect(state(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot)).toBe(shippedFuseWire[6])
  })

  it('starts from the package: every require resolves and the database opens', async () => {
    // Node cannot read inside an asar as Electron does, so the archive is laid out as files
    // (with its unpacked part) outside the project, where the project's node_modules is out
    // of reach: only what was packaged can be found.
    const extracted = join(work, 'extracted')
    asar.extractAll(archive, extracted)
    const userData = join(work, 'user-data')
    const events = await runPackagedMain(extracted, userData)

    expect(events.filter((event) => event.event === 'error')).toEqual([])
    expect(events).toContainEqual({ event: 'load', url: mainPage })
    expect(events).toContainEqual({ event: 'served', status: 200, hasRoot: true })
    const db = new Database(join(userData, 'leadbox.db'), { readonly: true })
    try {
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0)
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    } finally {
      db.close()
    }
  })
})

type StandInEvent = { event: string } & Record<string, unknown>
const mainPage = 'app://leadbox/index.html'

/** Runs out/main/index.js of the extracted package under Node with Electron stood in. */
function runPackagedMain(appPath: string, userData: string): Promise<StandInEvent[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', join(import.meta.dirname, 'electron-stand-in.mjs'), 'out/main/index.js'],
      {
        cwd: appPath,
        env: {
          ...process.env,
          LEADBOX_STAND_IN_APP_PATH: appPath,
          LEADBOX_STAND_IN_USER_DATA: userData,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    const events: StandInEvent[] = []
    let output = ''
    let stderr = ''
    const finish = () => {
      clearTimeout(timer)
      child.kill()
      resolvePromise(events)
    }
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8')
      let newline
      while ((newline = output.indexOf('\n')) >= 0) {
        const line = output.slice(0, newline)
        output = output.slice(newline + 1)
        if (!line.startsWith('leadbox-stand-in ')) continue
        const event = JSON.parse(line.slice('leadbox-stand-in '.length)) as StandInEvent
        events.push(event)
        if (event.event === 'error' || event.event === 'exit') finish()
        // Starting ends with the main window asking for its page.
        const mainWindow = events.some((e) => e.event === 'load' && e.url === mainPage)
        if (mainWindow && events.some((e) => e.event === 'served')) finish()
      }
    })
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString('utf8')))
    child.on('exit', (code) => {
      if (code !== null && code !== 0) {
        reject(new Error(`The packaged main process exited with ${code}:\n${stderr}`))
      } else finish()
    })
    const timer = setTimeout(() => {
      child.kill()
      reject(new Error(`The packaged app did not finish starting:\n${stderr}`))
    }, 30_000)
  })
}
