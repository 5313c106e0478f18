import { describe, expect, it, vi } from 'vitest'

// The quick-add window opens on a global shortcut, so its script is kept to what it needs:
// its payloads are validated in main, and zod would add a quarter to what it loads.
vi.mock('zod', () => {
  throw new Error('The quick-add window must not load zod')
})
// The date parsers load after the window shows (see loadQuickAddLanguage), English too.
vi.mock('chrono-node/en', () => {
  throw new Error('The quick-add window must not wait for its date parser to start')
})
// Its own reads and calls go over the preload bridge: React Query stays the main window's.
vi.mock('@tanstack/react-query', () => {
  throw new Error('The quick-add window must not load React Query')
})
// What reads the line into chips loads after the window shows (see useLineReader).
vi.mock('./features/quick-add/line-reader', () => {
  throw new Error('The quick-add window must not wait for its line reader to start')
})
vi.mock('../../shared/quick-add/parse', () => {
  throw new Error('The quick-add window must not wait for its parser to start')
})
vi.mock('../../shared/quick-add/money', () => {
  throw new Error('The quick-add window must not wait for reading money to start')
})
const render = vi.fn()
vi.mock('react-dom/client', () => ({ createRoot: () => ({ render }) }))
vi.mock('./ui/mount-point', () => ({ mountPoint: () => ({}) }))

describe('the quick-add window’s entry', () => {
  it('starts without loading zod, React Query, the line reader or a date parser', async () => {
    vi.stubGlobal('window', new EventTarget())
    try {
      await import('./quick-add')
    } finally {
      vi.unstubAllGlobals()
    }
    expect(render).toHaveBeenCalledOnce()
  })
})
