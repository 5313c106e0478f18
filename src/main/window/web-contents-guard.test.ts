import { EventEmitter } from 'node:events'
import type { Session, WebContents } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { contentSecurityPolicy } from '../../shared/csp'
import {
  denyAllPermissions,
  enforceContentSecurityPolicy,
  guardWebContents,
} from './web-contents-guard'

vi.mock('electron', () => ({}))

function fakeContents() {
  const contents = new EventEmitter() as EventEmitter & {
    openHandler?: (details: { url: string }) => { action: string }
  }
  Object.assign(contents, {
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      contents.openHandler = handler
    },
  })
  return contents
}

function navigate(contents: EventEmitter, name: string, url: string) {
  const event = { preventDefault: vi.fn() }
  contents.emit(name, event, url)
  return event.preventDefault
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('the web-contents guard', () => {
  it('blocks every navigation and sends web links to the system browser', async () => {
    const contents = fakeContents()
    const open = vi.fn(async () => {})
    guardWebContents(contents as unknown as WebContents, open)

    expect(navigate(contents, 'will-navigate', 'https://example.com/')).toHaveBeenCalled()
    expect(navigate(contents, 'will-navigate', 'javascript:alert(1)')).toHaveBeenCalled()
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toHaveBeenCalled()
    expect(navigate(contents, 'will-redirect', 'https://evil.test/')).toHaveBeenCalled()
    await settle()
    expect(open.mock.calls).toEqual([['https://example.com/']])
  })

  it('denies new windows, opening only web links outside', async () => {
    const contents = fakeContents()
    const open = vi.fn(async () => {})
    guardWebContents(contents as unknown as WebContents, open)
    expect(contents.openHandler!({ url: 'https://pipedrive.com/' })).toEqual({ action: 'deny' })
    expect(contents.openHandler!({ url: 'smb://attacker/share' })).toEqual({ action: 'deny' })
    await settle()
    expect(open.mock.calls).toEqual([['https://pipedrive.com/']])
  })

  it('refuses webviews', () => {
    const contents = fakeContents()
    guardWebContents(contents as unknown as WebContents, async () => {})
    expect(navigate(contents, 'will-attach-webview', '')).toHaveBeenCalled()
  })

  it('denies every permission request and check', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {}
    const session = {
      setPermissionRequestHandler: (h: never) => (handlers['request'] = h),
      setPermissionCheckHandler: (h: never) => (handlers['check'] = h),
      setDevicePermissionHandler: (h: never) => (handlers['device'] = h),
    }
    denyAllPermissions(session as unknown as Session)
    const callback = vi.fn()
    ;(handlers['request'] as (c: unknown, p: string, cb: (ok: boolean) => void) => void)(
      {},
      'media',
      callback,
    )
    expect(callback).toHaveBeenCalledWith(false)
    expect((handlers['check'] as () => boolean)()).toBe(false)
    expect((handlers['device'] as () => boolean)()).toBe(false)
  })

  it('sends the policy as a header on every response', () => {
    let listener: ((details: unknown, cb: (r: unknown) => void) => void) | undefined
    const session = { webRequest: { onHeadersReceived: (l: typeof listener) => (listener = l) } }
    enforceContentSecurityPolicy(session as unknown as Session, contentSecurityPolicy)
    const callback = vi.fn()
    listener!({ responseHeaders: { 'x-other': ['1'] } }, callback)
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'x-other': ['1'], 'Content-Security-Policy': [contentSecurityPolicy] },
    })
  })
})
