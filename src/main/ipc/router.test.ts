import { describe, expect, it, vi } from 'vitest'
import { LeadboxError } from '../../shared/result'
import { createSilentLogger } from '../core/log/logger'
import type { Handlers } from './router'
import { createRouter } from './router'
import { appOrigin, senderPage } from '../security/trusted-sender'
import { quickAddChannels } from '../security/page-channels'
import { channels } from '../../shared/ipc/contract'

const info = {
  name: 'Leadbox',
  version: '1.0.0',
  platform: 'linux',
  database: { status: 'ok' as const },
}

const unused = (): never => {
  throw new Error('not used')
}

function setup(overrides: Partial<Handlers> = {}, trusted = true) {
  const handlers: Handlers = {
    'app:getInfo': vi.fn(() => info),
    'app:openLogsFolder': vi.fn(() => undefined),
    'app:openLink': vi.fn(() => true),
    'sync:getStatus': vi.fn(unused),
    'sync:now': vi.fn(unused),
    'usage:today': vi.fn(unused),
    'quickAdd:hide': vi.fn(unused),
    'quickAdd:show': vi.fn(unused),
    'quickAdd:openInForm': vi.fn(unused),
    'leadForm:takeSeed': vi.fn(unused),
    'shortcut:get': vi.fn(unused),
    'shortcut:set': vi.fn(unused),
    'leads:create': vi.fn(unused),
    'outbox:list': vi.fn(unused),
    'leads:change': vi.fn(unused),
    'outbox:editLead': vi.fn(unused),
    'outbox:getDraft': vi.fn(unused),
    'outbox:resolveConflict': vi.fn(unused),
    'catalog:getQuickAddContext': vi.fn(unused),
    'leadTimeline:get': vi.fn(unused),
    'leadTimeline:open': vi.fn(unused),
    'leadTimeline:addNote': vi.fn(unused),
    'leadTimeline:addActivity': vi.fn(unused),
    'leadTimeline:markDone': vi.fn(unused),
    'outbox:retry': vi.fn(unused),
    'outbox:discard': vi.fn(unused),
    'auth:getStatus': vi.fn(unused),
    'auth:signInWithToken': vi.fn(unused),
    'auth:signInWithOAuth': vi.fn(unused),
    'auth:cancelSignIn': vi.fn(unused),
    'auth:signOut': vi.fn(unused),
    'auth:setOAuthClient': vi.fn(unused),
    'leads:list': vi.fn(unused),
    'leads:refresh': vi.fn(unused),
    'catalog:getInboxContext': vi.fn(unused),
    'catalog:setLeadDefaults': vi.fn(unused),
    'catalog:createLabel': vi.fn(unused),
    'catalog:refresh': vi.fn(unused),
    'catalog:searchContacts': vi.fn(unused),
    'updates:getStatus': vi.fn(unused),
    'updates:restart': vi.fn(unused),
    'launchAtLogin:get': vi.fn(unused),
    'launchAtLogin:set': vi.fn(unused),
    'quickAdd:takeClipboard': vi.fn(unused),
    'clipboardOffer:get': vi.fn(unused),
    'clipboardOffer:set': vi.fn(unused),
    ...overrides,
  }
  const route = createRouter({
    handlers,
    senderPage: (frameUrl) => (trusted ? senderPage(frameUrl, [appOrigin]) : null),
    log: createSilentLogger(),
  })
  return { route, handlers }
}

describe('the IPC router', () => {
  it('answers a valid request from a trusted page', async () => {
    const { route } = setup()
    expect(await route('app:getInfo', undefined, 'app://leadbox/index.html')).toEqual({
      ok: true,
      value: info,
    })
  })

  it('refuses an untrusted sender before anything runs', async () => {
    const { route, handlers } = setup({}, false)
    const result = await route('app:openLink', { url: 'https://example.com' }, 'https://evil.test/')
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } })
    expect(handlers['app:openLink']).not.toHaveBeenCalled()
  })

  it('lets the quick-add window call only what quick add needs', async () => {
    const signOut = vi.fn(() => ({ signedIn: false }))
    const setShortcut = vi.fn(unused)
    const { route } = setup({
      'auth:signOut': signOut as never,
      'shortcut:set': setShortcut,
    })
    const quickAdd = 'app://leadbox/quick-add.html'
    for (const [channel, payload] of [
      ['auth:signOut', undefined],
      ['shortcut:set', { accelerator: 'Ctrl+Alt+K' }],
      ['app:openLink', { url: 'https://example.com' }],
      ['leadTimeline:addNote', { lead: { remoteId: 'lead-1' }, content: 'Hello' }],
    ] as const) {
      const result = await route(channel, payload, quickAdd)
      expect(result, channel).toEqual({
        ok: false,
        error: {
          code: 'forbidden_sender',
          message:
            "The quick-add window cannot do this. Open Leadbox's main window to do it there.",
        },
      })
    }
    expect(signOut).not.toHaveBeenCalled()
    expect(setShortcut).not.toHaveBeenCalled()
    expect(await route('app:getInfo', undefined, quickAdd)).toMatchObject({ ok: false })
    // The main window keeps every channel; quick add keeps its own.
    expect(await route('app:getInfo', undefined, 'app://leadbox/index.html')).toMatchObject({
      ok: true,
    })
    expect([...quickAddChannels].sort()).toEqual([
      'catalog:getQuickAddContext',
      'leads:create',
      'quickAdd:hide',
      'quickAdd:openInForm',
      'quickAdd:takeClipboard',
      'sync:getStatus',
    ])
    for (const channel of quickAddChannels) expect(channels).toContain(channel)
  })

  it('refuses channels the contract does not name, including prototype keys', async () => {
    const { route } = setup()
    for (const channel of ['shell:exec', '__proto__', 'constructor', 42, null]) {
      expect(await route(channel, undefined, 'app://leadbox/')).toMatchObject({
        ok: false,
        error: { code: 'unknown_channel' },
      })
    }
  })

  it('refuses malformed payloads and names the bad field', async () => {
    const { route, handlers } = setup()
    const cases: unknown[] = [
      undefined,
      null,
      'https://x.test',
      { url: 42 },
      { url: 'a'.repeat(3000) },
    ]
    for (const payload of cases) {
      const result = await route('app:openLink', payload, 'app://leadbox/')
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
    }
    const named = await route('app:openLink', { url: 42 }, 'app://leadbox/')
    expect(named.ok === false && named.error.fields).toHaveProperty('url')
    expect(handlers['app:openLink']).not.toHaveBeenCalled()
  })

  it("hands on a new label's name trimmed, and only with one of Pipedrive's colors", async () => {
    const created = {
      id: 'f08b42a0-4e75-11ea-9643-03698ef1cfd6',
      name: 'Trade fair',
      color: 'pink',
    }
    const { route, handlers } = setup({ 'catalog:createLabel': vi.fn(() => created) })
    const refused = await route(
      'catalog:createLabel',
      { name: '   ', color: 'teal' },
      'app://leadbox/',
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
    expect(refused.ok === false && Object.keys(refused.error.fields ?? {}).sort()).toEqual([
      'color',
      'name',
    ])
    expect(handlers['catalog:createLabel']).not.toHaveBeenCalled()
    const answer = await route(
      'catalog:createLabel',
      { name: '  Trade fair ', color: 'pink' },
      'app://leadbox/',
    )
    expect(answer).toEqual({ ok: true, value: created })
    expect(handlers['catalog:createLabel']).toHaveBeenCalledWith({
      name: 'Trade fair',
      color: 'pink',
    })
  })

  it('says in plain words why a lead was refused', async () => {
    const { route } = setup()
    const refused = await route(
      'leads:create',
      { title: 'a'.repeat(5000), organization: { kind: 'new', name: 'Acme' } },
      'app://leadbox/',
    )
    expect(refused.ok === false && refused.error.fields).toEqual({
      title: 'A lead title can be at most 255 characters; this one has 5,000.',
    })
  })

  it('refuses a payload on a channel that takes none', async () => {
    const { route } = setup()
    const result = await route('app:getInfo', { sneaky: true }, 'app://leadbox/')
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
  })

  it('passes a LeadboxError through with its code and fields', async () => {
    const { route } = setup({
      'app:getInfo': () => {
        throw new LeadboxError('keychain_unavailable', 'No keychain', { account: 'missing' })
      },
    })
    expect(await route('app:getInfo', undefined, 'app://leadbox/')).toEqual({
      ok: false,
      error: {
        code: 'keychain_unavailable',
        message: 'No keychain',
        fields: { account: 'missing' },
      },
    })
  })

  it('hides the message of an unexpected error', async () => {
    const { route } = setup({
      'app:getInfo': () => {
        throw new Error('secret internals at /home/someone/.config')
      },
    })
    const result = await route('app:getInfo', undefined, 'app://leadbox/')
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(result)).not.toContain('/home/someone')
  })

  it('strips keys an answer was not meant to carry', async () => {
    const { route } = setup({
      'app:getInfo': () => ({ ...info, apiToken: 'leak-me', database: { status: 'ok' as const } }),
    })
    const result = await route('app:getInfo', undefined, 'app://leadbox/')
    expect(JSON.stringify(result)).not.toContain('leak-me')
  })

  it('refuses to send an answer that breaks the contract', async () => {
    const { route } = setup({ 'app:openLink': () => 'yes' as unknown as boolean })
    const result = await route('app:openLink', { url: 'https://example.com' }, 'app://leadbox/')
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
  })
})
