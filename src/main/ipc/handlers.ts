import type { Core } from '../core/index'
import type { Handlers } from './router'

/** Each channel of the contract, answered by the core. Payloads arrive validated. */
export function createHandlers(core: Core): Handlers {
  return {
    'app:getInfo': () => core.info(),
    'app:openLogsFolder': async () => {
      await core.openLogsFolder()
      return undefined
    },
    'app:openLink': ({ url }) => core.openLink(url),
    'sync:getStatus': () => core.syncStatus(),
  }
}
