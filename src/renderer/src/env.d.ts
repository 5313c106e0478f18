/// <reference types="vite/client" />
import type { LeadboxApi } from '../../shared/ipc/leadbox-api'

declare global {
  interface Window {
    /** Built by the preload from the shared contract. Read only through `api/leadbox.ts`. */
    readonly leadbox: LeadboxApi
  }
}

export {}
