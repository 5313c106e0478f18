import type { Result } from '../result'
import { channelNames } from './channel-names'
import type { Channel, EventName, EventPayload, RequestOf, ResponseOf } from './contract'

/**
 * How calls reach main. The preload hands in Electron's ipcRenderer; the browser harness
 * hands in HTTP and server-sent events. Nothing else differs.
 */
export interface Transport {
  invoke(channel: Channel, payload: unknown): Promise<unknown>
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void
}

type DomainOf<C> = C extends `${infer D}:${string}` ? D : never
type Method<C extends Channel> = (
  ...args: RequestOf<C> extends undefined ? [] : [payload: RequestOf<C>]
) => Promise<Result<ResponseOf<C>>>

export type LeadboxApi = {
  [D in DomainOf<Channel>]: {
    [C in Channel as C extends `${D}:${infer V}` ? V : never]: Method<C>
  }
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

/** Builds `window.leadbox`: one method per channel of the contract, nothing else. */
export function createLeadboxApi(transport: Transport): LeadboxApi {
  const api: Record<string, Record<string, unknown>> = {}
  for (const channel of channelNames) {
    const [domain, verb] = channel.split(':') as [string, string]
    api[domain] ??= {}
    api[domain][verb] = (payload?: unknown) => transport.invoke(channel, payload)
  }
  return {
    ...api,
    on: (event: EventName, listener: (payload: never) => void) =>
      transport.subscribe(event, listener as (payload: unknown) => void),
  } as unknown as LeadboxApi
}
