import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * node_modules holds better-sqlite3 built for Node (the tests use it); `npm start` puts a
 * copy built for Electron's ABI in .electron-native/. A packaged app is rebuilt for
 * Electron by its packager and needs no override.
 */
export function electronSqliteBinding(appPath: string, packaged: boolean): string | undefined {
  if (packaged) return undefined
  const file = join(
    appPath,
    '.electron-native',
    'better-sqlite3',
    'build',
    'Release',
    'better_sqlite3.node',
  )
  return existsSync(file) ? file : undefined
}
