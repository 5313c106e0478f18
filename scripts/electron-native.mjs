// Puts a better-sqlite3 built for Electron's ABI in .electron-native/, beside (not over) the
// Node build in node_modules that the tests use. Main loads it through better-sqlite3's
// `nativeBinding` option. Runs before `electron-vite dev`; does nothing once it is there.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const electronVersion = JSON.parse(
  readFileSync(require.resolve('electron/package.json'), 'utf8'),
).version
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'))
const target = join(root, '.electron-native', 'better-sqlite3')
const stamp = join(target, '.built-for')
const wanted = `electron-${electronVersion}-${process.platform}-${process.arch}`

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) process.exit(0)

console.log(`Preparing better-sqlite3 for Electron ${electronVersion}…`)
rmSync(target, { recursive: true, force: true })
cpSync(sqliteDir, target, {
  recursive: true,
  filter: (source) => !source.startsWith(join(sqliteDir, 'build')),
})

const run = (command, args) =>
  execFileSync(command, args, {
    cwd: target,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  })
const electronTarget = [
  '--runtime',
  'electron',
  '--target',
  electronVersion,
  '--arch',
  process.arch,
]
try {
  // The prebuilt binary better-sqlite3 publishes for this Electron version…
  run(process.execPath, [require.resolve('prebuild-install/bin.js'), ...electronTarget])
} catch {
  // …or, when there is none yet, a build from source against Electron's headers.
  run(process.execPath, [
    require.resolve('node-gyp/bin/node-gyp.js'),
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    '--dist-url=https://electronjs.org/headers',
  ])
}
writeFileSync(stamp, wanted)
