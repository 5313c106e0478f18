import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { seedIds, startSandbox, type Sandbox } from '../../../../test/pipedrive-sandbox/index'
import { networkSwitch } from '../../../../test/support/network-switch'
import { useTempDirs } from '../../../../test/support/temp-dir'
import { createOAuthEndpoint, OAuthError } from '../auth/oauth-endpoint'
import { openDatabase } from '../db/database'
import { Secret } from '../log/secret'
import { createSilentLogger } from '../log/logger'
import { createOutbox } from '../outbox/outbox'
import { createOutboxQueue } from '../outbox/outbox-queue'
import { PipedriveFailure } from '../pipedrive/failure'
import { createOutboxGateway } from '../pipedrive/pipedrive-gateway'
import { fixedAuth, testClient } from '../pipedrive/testing'
import { createSyncEngine, type SyncEngine } from './sync-engine'

// Pipedrive never redirects its API, but something in between can (a proxy, a Wi-Fi
// sign-in page). Leadbox asks not to follow (`redirect: 'manual'`), and the two fetches
// answer that differently: Node's returns the 3xx; Electron's net.fetch rejects with
// "Redirect was cancelled". Both must end the same way: a redirect, not a lost connection.
const nodeFetch: typeof fetch = (input, init) => fetch(input, init)
const electronLikeFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init)
  if (init?.redirect === 'manual' && response.status >= 300 && response.status < 400) {
    await response.body?.cancel()
    throw new Error('Redirect was cancelled')
  }
  return response
}
const fetches = [
  ['Node', nodeFetch],
  ['Electron', electronLikeFetch],
] as const

const tempDir = useTempDirs()
let sandbox: Sandbox | undefined
let engine: SyncEngine | undefined
afterEach(async () => {
  await engine?.stop()
  await sandbox?.close()
  engine = undefined
  sandbox = undefined
})

async function failureOf(work: Promise<unknown>): Promise<unknown> {
  try {
    await work
  } catch (error) {
    return error
  }
  throw new Error('expected a failure')
}

describe.each(fetches)("a redirect met through %s's fetch", (_name, fetcher) => {
  it('is named a redirect, for reads and writes alike, with nothing quoted from its body', async () => {
    sandbox = await startSandbox()
    const { client } = testClient(fixedAuth(sandbox.url, { apiToken: sandbox.apiToken }), {
      fetch: fetcher,
    })
    sandbox.faults.failNext(2, { status: 307 })
    const read = await failureOf(client.getLeads())
    const write = await failureOf(
      client.addLead({ title: 'Fleet', person_id: seedIds.persons.maria }),
    )
    for (const failure of [read, write]) {
      expect(failure).toBeInstanceOf(PipedriveFailure)
      expect(failure).toMatchObject({ kind: 'redirected', error: null })
      expect((failure as Error).message).toMatch(/sent somewhere else \(a redirect\)/)
    }
    expect(sandbox.state.leads.filter((lead) => lead['title'] === 'Fleet')).toEqual([])
  })

  it('stops syncing with a plain reason and keeps the lead queued, not retried or doubted', async () => {
    sandbox = await startSandbox()
    const box = sandbox
    const { db } = openDatabase(join(tempDir(), 'leadbox.db'), { log: createSilentLogger() })
    const outbox = createOutbox(db)
    const { client } = testClient(fixedAuth(box.url, { apiToken: box.apiToken }), {
      fetch: fetcher,
    })
    engine = createSyncEngine({
      queue: createOutboxQueue(db),
      session: () => ({ account: 'company:user', gateway: createOutboxGateway(client) }),
      network: networkSwitch(true),
      log: createSilentLogger(),
      onChange: () => {},
    })
    box.faults.failNext(1, { status: 302, method: 'POST', path: '/api/v1/leads' })
    outbox.enqueueLead({ title: 'Fleet', person: { kind: 'existing', id: seedIds.persons.maria } })
    engine.start()
    await engine.idle()
    expect(engine.status().lastError).toMatch(
      /sending Leadbox's requests away from Pipedrive \(a redirect\)/,
    )
    expect(engine.status().pausedUntil).not.toBeNull()
    expect(outbox.list().map((row) => row.state)).toEqual(['queued'])
    engine.wake('timer')
    await engine.idle()
    expect(box.state.count('POST /api/v1/leads')).toBe(1)
    expect(box.state.leads.filter((lead) => lead['title'] === 'Fleet')).toEqual([])
  })

  it('at the OAuth token endpoint is a redirect too, not a broken connection', async () => {
    sandbox = await startSandbox()
    const endpoint = createOAuthEndpoint({ fetch: fetcher, oauthBase: sandbox.url })
    sandbox.faults.failNext(1, { status: 302, path: '/oauth/token' })
    const failure = await failureOf(
      endpoint.refresh(
        { clientId: sandbox.oauth.clientId, clientSecret: new Secret(sandbox.oauth.clientSecret) },
        new Secret('refresh-token'),
      ),
    )
    expect(failure).toBeInstanceOf(OAuthError)
    expect(failure).toMatchObject({ code: 'redirected' })
  })
})
