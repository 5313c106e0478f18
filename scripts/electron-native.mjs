// Puts a better-sqlite3 built for Electron's ABI in .electron-native/, beside (not over) the
// Node build in node_modules that the tests use. Main loads it through better-sqlite3's
// `nativeBinding` option. Runs before `electron-vite dev`; does nothing once it is there.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildStamp, nodeToolCommand } from './electron-native-plan.mjs'

const require = createRequire(import.meta.url)
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const electronVersion = JSON.parse(
  readFileSync(require.resolve('electron/package.json'), 'utf8'),
).version
const sqlitePackage = require.resolve('better-sqlite3/package.json')
const sqliteDir = dirname(sqlitePackage)
const target = join(root, '.electron-native', 'better-sqlite3')
const stamp = join(target, '.built-for')
// keytar is not in it: it uses Node-API, so the build in node_modules loads in Electron as is.
const wanted = buildStamp({
  electron: electronVersion,
  betterSqlite3: JSON.parse(readFileSync(sqlitePackage, 'utf8')).version,
  platform: process.platform,
  arch: process.arch,
})

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) process.exit(0)

console.log(`Preparing better-sqlite3 for Electron ${electronVersion}…`)
rmSync(target, { recursive: true, force: true })
cpSync(sqliteDir, target, {
  recursive: true,
  filter: (source) => !source.startsWith(join(sqliteDir, 'build')),
})

const run = (entry, args) => {
  const command = nodeToolCommand({ nodePath: process.execPath, entry, args, cwd: target })
  execFileSync(command.file, command.args, command.options)
}
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
  run(require.resolve('prebuild-install/bin.js'), electronTarget)
} catch {
  // …or, when there is none yet, a build from source against Electron's headers.
  run(require.resolve('node-gyp/bin/node-gyp.js'), [
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    '--dist-url=https://electronjs.org/headers',
  ])
}
writeFileSync(stamp, wanted)
