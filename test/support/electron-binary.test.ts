import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkElectron } from './electron-binary'
import { useTempDirs } from './temp-dir'

// Stand-in executables (shell scripts) where the electron package keeps its binary.
describe('checkElectron', () => {
  const tempDir = useTempDirs()

  function electronPackage(script?: string): string {
    const dir = tempDir()
    if (script !== undefined) {
      writeFileSync(join(dir, 'path.txt'), 'electron')
      mkdirSync(join(dir, 'dist'))
      writeFileSync(join(dir, 'dist', 'electron'), `#!/bin/sh\n${script}\n`)
      chmodSync(join(dir, 'dist', 'electron'), 0o755)
    }
    return dir
  }

  it('finds a binary that starts and prints its version', () => {
    const dir = electronPackage('echo v45.5.0')
    expect(checkElectron(dir, {})).toEqual({ ok: true, binary: join(dir, 'dist', 'electron') })
  })

  it('says so when the binary was never downloaded', () => {
    const check = checkElectron(electronPackage(), {})
    expect(check).toEqual({
      ok: false,
      reason: "Electron's binary is not installed (npx install-electron).",
    })
  })

  it('says why when the binary is there but cannot start', () => {
    const dir = electronPackage('echo "Missing X server or \\$DISPLAY" >&2; exit 1')
    expect(checkElectron(dir, {})).toEqual({
      ok: false,
      reason: 'Electron does not start here (Missing X server or $DISPLAY).',
    })
  })

  it('follows ELECTRON_OVERRIDE_DIST_PATH as the electron package does', () => {
    const dist = electronPackage('echo v45.5.0')
    const env = { ELECTRON_OVERRIDE_DIST_PATH: join(dist, 'dist') }
    expect(checkElectron(electronPackage(), env)).toMatchObject({ ok: true })
  })
})
