/** What the platform says about connectivity; Electron's in the app, a switch in tests. */
export interface NetworkSignals {
  isOnline(): boolean
  onChange(listener: (online: boolean) => void): () => void
}

/** A network that is always up; for tools and tests that do not care. */
export const alwaysOnline: NetworkSignals = {
  isOnline: () => true,
  onChange: () => () => {},
}
