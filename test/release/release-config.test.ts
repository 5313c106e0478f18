import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'

const root = join(import.meta.dirname, '../..')

async function loadConfig(env: Record<string, string | undefined>) {
  vi.resetModules()
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value)
  try {
    return (await import('../../electron-builder')).default
  } finally {
    vi.unstubAllEnvs()
  }
}

describe('the packaging configuration', () => {
  it('builds with the app id Leadbox gives Windows for its notifications', async () => {
    const { appId } = await import('../../src/main/platform/app-id')
    expect((await loadConfig({})).appId).toBe(appId)
  })

  it('builds dmg and zip for both Mac architectures, NSIS for Windows, AppImage and deb', async () => {
    const config = await loadConfig({})
    expect(config.mac?.target).toEqual([
      { target: 'dmg', arch: ['arm64', 'x64'] },
      { target: 'zip', arch: ['arm64', 'x64'] },
    ])
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }])
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
    expect(config.deb?.depends).toContain('libsecret-1-0')
  })

  it('signs Macs with the hardened runtime and notarizes when credentials are given', async () => {
    const config = await loadConfig({})
    expect(config.mac?.hardenedRuntime).toBe(true)
    expect(config.mac?.notarize).toBe(true)
    const entitlements = await readFile(join(root, config.mac!.entitlements!), 'utf8')
    expect(entitlements).toContain('<key>com.apple.security.cs.allow-jit</key>')
  })

  it('flips the fuses that keep the packaged app from running other code', async () => {
    const config = await loadConfig({})
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('publishes to the GitHub Releases of the repository it is built for, and only then', async () => {
    expect((await loadConfig({ GITHUB_REPOSITORY: 'acme/leadbox' })).publish).toEqual({
      provider: 'github',
      owner: 'acme',
      repo: 'leadbox',
      releaseType: 'release',
    })
    expect(
      (await loadConfig({ GITHUB_REPOSITORY: undefined, LEADBOX_UPDATE_REPOSITORY: undefined }))
        .publish,
    ).toBeNull()
  })

  it('has one app icon source, large enough for every platform', async () => {
    // electron-builder makes the .icns, the .ico and the Linux sizes from build/icon.png,
    // which needs at least 512 pixels a side; the PNG header holds width and height.
    const png = await readFile(join(root, 'build/icon.png'))
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024])
  })
})
