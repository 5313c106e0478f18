// For tests: a whole core signed in against the sandbox, with the real keychain.
import { afterEach, expect, vi } from 'vitest'
import { networkSwitch } from '../../../../test/support/network-switch'
import { useTempDirs } from '../../../../test/support/temp-dir'
import type { EventName } from '../../../shared/ipc/contract'
import {
  approveConsent,
  startSandbox,
  type Sandbox,
  type SandboxOptions,
} from '../../../../test/pipedrive-sandbox'
import type { SecretStore } from '../auth/secret-store'
import { freePort, testKeychain } from '../auth/testing'
import { createCore, type Core, type CoreOptions } from '../index'

export interface Rig {
  sandbox: Sandbox
  core: Core
  keychain: ReturnType<typeof testKeychain>
  /** What the app asked the system browser to open. */
  opened: string[]
  /** Every auth:changed the core emitted. */
  authChanges: number
  port: number
  dataDir: string
  /**
   * Clicks Allow on the consent page the app opens (once more than `seen` links were opened)
   * and follows the redirect to the app's callback server, as the browser would.
   */
  browserAllows(seen?: number): Promise<Response>
  signInWithOAuth(): Promise<void>
  close(): Promise<void>
}

export async function startRig(
  dataDir: string,
  options: {
    sandbox?: SandboxOptions
    core?: Partial<CoreOptions>
    secrets?: SecretStore
  } = {},
): Promise<Rig> {
  const port = await freePort()
  const sandbox = await startSandbox({
    ...options.sandbox,
    oauth: { redirectUri: `http://localhost:${port}/oauth/callback`, ...options.sandbox?.oauth },
  })
  const keychain = testKeychain()
  const opened: string[] = []
  const core = await createCore({
    dataDir,
    version: '0.0.0-test',
    platform: process.platform,
    fetch,
    secrets: options.secrets ?? keychain.secrets,
    network: networkSwitch(true),
    openExternal: async (url) => void opened.push(url),
    openPath: async () => '',
    pipedriveUrl: sandbox.url,
    oauthCallbackPort: port,
    ...options.core,
  })
  const rig: Rig = {
    sandbox,
    core,
    keychain,
    opened,
    authChanges: 0,
    port,
    dataDir,
    async browserAllows(seen = 0) {
      await vi.waitFor(() => expect(opened.length).toBeGreaterThan(seen))
      const url = opened.at(-1) ?? ''
      const redirect = await approveConsent(url)
      return fetch(redirect)
    },
    async signInWithOAuth() {
      await core.accounts.setOAuthClient({
        clientId: sandbox.oauth.clientId,
        clientSecret: sandbox.oauth.clientSecret,
      })
      const seen = opened.length
      const signingIn = core.accounts.signInWithOAuth()
      const page = await rig.browserAllows(seen)
      expect(page.status).toBe(200)
      await signingIn
    },
    async close() {
      await core.close()
      await sandbox.close()
      await keychain.clear()
    },
  }
  core.events.on('auth:changed', () => {
    rig.authChanges += 1
  })
  return rig
}

/** Rigs for a test file, each in a fresh folder and closed after its test. */
export function useRigs() {
  const tempDir = useTempDirs()
  const open: Rig[] = []
  afterEach(async () => {
    for (const rig of open.splice(0)) await rig.close()
  })
  const start = async (options: Parameters<typeof startRig>[1] = {}) => {
    const rig = await startRig(tempDir(), options)
    open.push(rig)
    return rig
  }
  /** Signed in with the sandbox's API token; every request URL recorded, `event` counted. */
  const signedIn = async (event: EventName, backgroundRefresh = false) => {
    const urls: URL[] = []
    const recording: typeof fetch = (input, init) => {
      urls.push(new URL(input instanceof Request ? input.url : String(input)))
      return fetch(input, init)
    }
    const r = await start({ core: { backgroundRefresh, fetch: recording } })
    let changes = 0
    r.core.events.on(event, () => void (changes += 1))
    await r.core.accounts.signInWithToken(r.sandbox.apiToken)
    return { r, urls, changes: () => changes }
  }
  return { start, signedIn }
}
