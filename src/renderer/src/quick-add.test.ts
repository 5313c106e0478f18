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
const render = vi.fn()
vi.mock('react-dom/client', () => ({ createRoot: () => ({ render }) }))
vi.mock('./ui/mount-point', () => ({ mountPoint: () => ({}) }))

describe('the quick-add window’s entry', () => {
  it('starts without loading zod or a date parser', async () => {
    vi.stubGlobal('window', new EventTarget())
    try {
      await import('./quick-add')
    } finally {
      vi.unstubAllGlobals()
    }
    expect(render).toHaveBeenCalledOnce()
  })
})
