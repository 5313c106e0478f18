import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { isChannel, isEventName } from '../shared/ipc/channel-names'
import { createLeadboxApi } from '../shared/ipc/leadbox-api'

// window.leadbox: one method per channel of the contract. ipcRenderer itself is never
// exposed, so the page can reach no channel the contract does not name. Only the names are
// imported here, not the schemas: main validates every payload, so zod stays out.
const leadbox = createLeadboxApi({
  invoke(channel, payload) {
    if (!isChannel(channel)) return Promise.reject(new Error('Unknown channel'))
    return ipcRenderer.invoke(channel, payload)
  },
  subscribe(event, listener) {
    if (!isEventName(event)) throw new Error('Unknown event')
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(event, forward)
    return () => void ipcRenderer.removeListener(event, forward)
  },
})

contextBridge.exposeInMainWorld('leadbox', leadbox)
