import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import keytar from 'keytar'
import { afterEach, describe, expect, it } from 'vitest'
import { seedIds } from '../../../../test/pipedrive-sandbox'
import { useTempDirs } from '../../../../test/support/temp-dir'
import { eventNames } from '../../../shared/ipc/contract'
import { createHandlers } from '../../ipc/handlers'
import { desktopStandIn } from '../../../../test/support/desktop-stand-in'
import { createRouter } from '../../ipc/router'
import { startRig, type Rig } from './testing'

const tempDir = useTempDirs()
let rig: Rig | undefined
afterEach(async () => {
  await rig?.close()
  rig = undefined
})

const account = `${seedIds.company}:${seedIds.me}`

/** Every file Leadbox writes in its data folder: the database, its WAL, the logs. */
function dataFiles(dataDir: string): string[] {
  const files = ['leadbox.db', 'leadbox.db-wal', 'leadbox.db-shm']
    .map((name) => join(dataDir, name))
    .filter((path) => existsSync(path))
  const logs = join(dataDir, 'logs')
  for (const name of readdirSync(logs)) files.push(join(logs, name))
  return files
}

describe('secrets stay in the keychain', () => {
  it('never reach the database, its WAL, the logs, IPC answers or events', async () => {
    const r = (rig = await startRig(tempDir()))
    const { core, sandbox } = r
    const route = createRouter({
      handlers: createHandlers(core, desktopStandIn().desktop),
      senderPage: () => 'index.html',
      log: core.log,
    })
    const seen: string[] = []
    for (const name of eventNames) {
      core.events.on(name, (payload) => seen.push(`${name} ${JSON.stringify(payload)}`))
    }
    const ipc = async (channel: string, payload?: unknown) => {
      const result = await route(channel, payload, 'app://leadbox/index.html')
      seen.push(`${channel} ${JSON.stringify(result)}`)
      return result
    }
    const secrets = new Set<string>([sandbox.apiToken, sandbox.oauth.clientSecret])
    const collectTokens = async () => {
      const stored = await keytar.getPassword(r.keychain.service, `${account}:oauth`)
      if (!stored) return
      const tokens = JSON.parse(stored) as { accessToken: string; refreshToken: string }
      secrets.add(tokens.accessToken)
      secrets.add(tokens.refreshToken)
    }
    const useTheApi = async () => {
      const session = core.accounts.session()
      if (!session) throw new Error('not signed in')
      const person = await session.gateway.addPerson({ name: 'Secret Test' })
      await session.gateway.addLead({ title: 'Secret lead', person_id: person.id, origin_id: 'x1' })
      await session.gateway.listPersons({ updated_since: '2020-01-01T00:00:00Z' })
      await session.client.getDealFields()
    }

    // An API token, typed into Settings.
    expect(await ipc('auth:signInWithToken', { token: sandbox.apiToken })).toMatchObject({
      ok: true,
    })
    // A wrong one is logged about, but not itself.
    const wrong = 'deadbeefdeadbeefdeadbeefdeadbeefdeadbeef'
    secrets.add(wrong)
    expect(await ipc('auth:signInWithToken', { token: wrong })).toMatchObject({ ok: false })
    core.outbox.enqueueLead({ title: 'Captured', person: { kind: 'existing', id: 1001 } })
    await useTheApi()
    await ipc('auth:getStatus')
    await ipc('sync:getStatus')

    // OAuth with the app entered in Settings; a refresh rotates the tokens.
    await ipc('auth:setOAuthClient', {
      clientId: sandbox.oauth.clientId,
      clientSecret: sandbox.oauth.clientSecret,
    })
    const signingIn = ipc('auth:signInWithOAuth')
    await r.browserAllows()
    expect(await signingIn).toMatchObject({ ok: true, value: { account: { authType: 'oauth' } } })
    await collectTokens()
    await useTheApi()
    sandbox.faults.expireAccessTokens()
    await useTheApi()
    await collectTokens()
    await ipc('auth:getStatus')
    expect(secrets.size).toBeGreaterThanOrEqual(7)

    const haystacks = (files: string[]) => [
      ...files.map((path) => ({ where: path, bytes: readFileSync(path) })),
      ...seen.map((text, i) => ({ where: `ipc/event #${i}`, bytes: Buffer.from(text) })),
    ]
    const needles = [...secrets].flatMap((secret) => [
      secret,
      Buffer.from(secret).toString('base64'),
    ])
    needles.push(
      Buffer.from(`${sandbox.oauth.clientId}:${sandbox.oauth.clientSecret}`).toString('base64'),
    )
    const leaks = (files: string[]) =>
      haystacks(files).flatMap(({ where, bytes }) =>
        needles.filter((needle) => bytes.includes(needle)).map(() => where),
      )

    // While the app runs: the live database and its write-ahead log.
    expect(existsSync(join(r.dataDir, 'leadbox.db-wal'))).toBe(true)
    expect(leaks(dataFiles(r.dataDir))).toEqual([])

    await ipc('auth:signOut')
    await core.close()
    const files = dataFiles(r.dataDir)
    const log = files
      .filter((path) => path.includes(`${join('logs', '')}`))
      .map((path) => readFileSync(path, 'utf8'))
      .join('')
    expect(log).toContain('signed in to pipedrive')
    expect(log).toContain('pipedrive sign-in refreshed')
    expect(leaks(files)).toEqual([])
    // The account itself is remembered by name only.
    expect(seen.join('\n')).toContain('Alex Morgan')
    rig = undefined
    await sandbox.close()
    await r.keychain.clear()
  })
})
