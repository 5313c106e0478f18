import { isAbsolute } from 'node:path'

/**
 * Development only: LEADBOX_USER_DATA_DIR gives an unpackaged app a folder of its own for its
 * database and logs, so a try-out against the sandbox (npm run demo) never mixes with your own
 * data. A packaged app never reads it.
 */
export function developmentDataDir(
  packaged: boolean,
  env: Record<string, string | undefined>,
): string | undefined {
  if (packaged) return undefined
  const dir = env['LEADBOX_USER_DATA_DIR']
  // Electron's app.setPath wants an absolute path; a relative one would depend on the cwd.
  return dir && isAbsolute(dir) ? dir : undefined
}
