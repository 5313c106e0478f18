import { createLeadboxApi } from '../../../src/shared/ipc/leadbox-api'

// What the preload does in the app, over HTTP and server-sent events instead of Electron's
// IPC. The page gets the same window.leadbox, built by the same function.
let source: EventSource | undefined

const leadbox = createLeadboxApi({
  async invoke(channel, payload) {
    const response = await fetch(`/__harness/ipc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ payload }),
    })
    return response.json()
  },
  subscribe(event, listener) {
    source ??= new EventSource('/__harness/events')
    const forward = (message: MessageEvent<string>) =>
      listener(message.data === '' ? undefined : JSON.parse(message.data))
    source.addEventListener(event, forward)
    return () => source?.removeEventListener(event, forward)
  },
})

Object.defineProperty(window, 'leadbox', { value: Object.freeze(leadbox), writable: false })
