import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export type ElectronCheck = { ok: true; binary: string } | { ok: false; reason: string }

/**
 * Whether the `electron` package's binary is here and starts. It reads the package's path.txt
 * the way its index.js does, because requiring the package downloads a missing binary, and a
 * machine without internet would wait for that in vain.
 */
export function checkElectron(
  packageDir = dirname(createRequire(__filename).resolve('electron/package.json')),
  env: NodeJS.ProcessEnv = process.env,
): ElectronCheck {
  const pathFile = join(packageDir, 'path.txt')
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined
  const distDir = env['ELECTRON_OVERRIDE_DIST_PATH']
  const binary = distDir
    ? join(distDir, name ?? 'electron')
    : name && join(packageDir, 'dist', name)
  if (!binary || !existsSync(binary)) {
    return { ok: false, reason: "Electron's binary is not installed (npx install-electron)." }
  }
  // It must get as far as printing its version: without a display, for one, it cannot.
  const run = spawnSync(binary, ['--version'], { env, encoding: 'utf8', timeout: 20_000 })
  if (run.status === 0 && /^v?\d+\./.test(run.stdout.trim())) return { ok: true, binary }
  const why = run.error?.message ?? run.stderr.trim().split('\n')[0] ?? `exit ${run.status}`
  return { ok: false, reason: `Electron does not start here (${why}).` }
}
