import { EventEmitter } from 'node:events'
import type { EventName, EventPayload } from '../../../shared/ipc/contract'

/** Main → renderer notifications, raised by core and forwarded by whichever transport. */
export interface CoreEvents {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

export function createCoreEvents(): CoreEvents {
  const emitter = new EventEmitter()
  emitter.setMaxListeners(50)
  return {
    emit: (event, payload) => void emitter.emit(event, payload),
    on(event, listener) {
      emitter.on(event, listener)
      return () => void emitter.off(event, listener)
    },
  }
}
