import { describe, expect, it, vi } from 'vitest'
import { channelNames } from '../shared/ipc/channel-names'
import type { LeadboxApi } from '../shared/ipc/leadbox-api'

const exposed: Record<string, unknown> = {}
const invoke = vi.fn(async () => ({ ok: true, value: 'answer' }))
const listeners = new Map<string, (event: unknown, payload: unknown) => void>()
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => void (exposed[key] = value),
  },
  ipcRenderer: {
    invoke,
    on: (event: string, listener: never) => void listeners.set(event, listener),
    removeListener: (event: string) => void listeners.delete(event),
  },
}))
// The preload forwards and main validates: the schemas (and their 200 kB) stay out of it.
vi.mock('zod', () => {
  throw new Error('The preload must not load zod')
})
await import('./index')

describe('the preload', () => {
  const leadbox = exposed['leadbox'] as LeadboxApi & Record<string, Record<string, unknown>>

  it('exposes window.leadbox and nothing else', () => {
    expect(Object.keys(exposed)).toEqual(['leadbox'])
  })

  it('has one method per channel of the contract, and no raw ipcRenderer', () => {
    const methods = Object.entries(leadbox).flatMap(([domain, value]) =>
      typeof value === 'function' ? [] : Object.keys(value).map((verb) => `${domain}:${verb}`),
    )
    expect(methods.sort()).toEqual([...channelNames].sort())
    expect(JSON.stringify(Object.keys(leadbox))).not.toMatch(/ipc|send|invoke/i)
  })

  it('invokes the matching channel with the payload', async () => {
    expect(await leadbox.app.openLink({ url: 'https://example.com' })).toEqual({
      ok: true,
      value: 'answer',
    })
    expect(invoke).toHaveBeenCalledWith('app:openLink', { url: 'https://example.com' })
  })

  it('subscribes to known events only, and unsubscribes', () => {
    const listener = vi.fn()
    const off = leadbox.on('sync:status', listener)
    listeners.get('sync:status')!({}, { online: true })
    expect(listener).toHaveBeenCalledWith({ online: true })
    off()
    expect(listeners.has('sync:status')).toBe(false)
    expect(() => leadbox.on('app:getInfo' as never, listener)).toThrow('Unknown event')
    expect(() => leadbox.on('__proto__' as never, listener)).toThrow('Unknown event')
  })
})
