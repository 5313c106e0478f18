import { beforeEach, describe, expect, it, vi } from 'vitest'
import { channels, eventNames } from '../../shared/ipc/contract'
import { createCoreEvents } from '../core/events/core-events'

const handled = new Map<string, (event: unknown, payload: unknown) => unknown>()
const sent: Array<[string, unknown]> = []
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, h: never) => void handled.set(channel, h) },
  BrowserWindow: {
    getAllWindows: () => [
      {
        isDestroyed: () => false,
        webContents: { send: (...args: [string, unknown]) => sent.push(args) },
      },
      { isDestroyed: () => true, webContents: { send: () => sent.push(['destroyed', null]) } },
    ],
  },
}))
const { forwardEvents, registerIpc } = await import('./register')

describe('the ipcMain wiring', () => {
  beforeEach(() => {
    handled.clear()
    sent.splice(0)
  })

  it('handles every channel of the contract and passes the sender frame to the router', async () => {
    const route = vi.fn(async () => ({ ok: true as const, value: 1 }))
    registerIpc(route)
    expect([...handled.keys()].sort()).toEqual([...channels].sort())
    await handled.get('app:openLink')!(
      { senderFrame: { url: 'app://leadbox/index.html' } },
      { url: 'x' },
    )
    expect(route).toHaveBeenCalledWith('app:openLink', { url: 'x' }, 'app://leadbox/index.html')
    await handled.get('app:getInfo')!({ senderFrame: null }, undefined)
    expect(route).toHaveBeenLastCalledWith('app:getInfo', undefined, undefined)
  })

  it('forwards core events to live windows', () => {
    const events = createCoreEvents()
    forwardEvents(events)
    events.emit('outbox:changed', undefined)
    expect(sent).toEqual([['outbox:changed', undefined]])
    expect(eventNames).toContain('outbox:changed')
  })
})
