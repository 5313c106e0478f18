import { describe, expect, it } from 'vitest'
import { channelNames, eventNames, isChannel, isEventName } from './channel-names'
import { contract, events } from './contract'

describe('the channel and event names', () => {
  it('are the contract’s channels, each once', () => {
    expect([...channelNames].sort()).toEqual(Object.keys(contract).sort())
    expect(new Set(channelNames).size).toBe(channelNames.length)
  })

  it('are the contract’s events, each once', () => {
    expect([...eventNames].sort()).toEqual(Object.keys(events).sort())
    expect(new Set(eventNames).size).toBe(eventNames.length)
  })

  it('know only those names, not prototype keys or look-alikes', () => {
    for (const channel of channelNames) expect(isChannel(channel)).toBe(true)
    for (const event of eventNames) expect(isEventName(event)).toBe(true)
    for (const hostile of [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'app:',
      'APP:GETINFO',
      ' app:getInfo',
      1,
      null,
      undefined,
      {},
    ]) {
      expect(isChannel(hostile)).toBe(false)
      expect(isEventName(hostile)).toBe(false)
    }
    expect(isChannel('sync:status')).toBe(false)
    expect(isEventName('app:getInfo')).toBe(false)
  })
})
