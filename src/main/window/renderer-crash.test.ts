import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'

const boxes: Array<Record<string, unknown>> = []
let answer = 0
vi.mock('electron', () => ({
  dialog: {
    showMessageBox: async (options: Record<string, unknown>) => {
      boxes.push(options)
      return { response: answer }
    },
  },
}))
const { askAfterCrashes, recoverFromCrashes } = await import('./renderer-crash')

class FakeContents extends EventEmitter {
  reloads = 0
  destroyed = false
  reload() {
    this.reloads += 1
  }
  isDestroyed() {
    return this.destroyed
  }
  crash(reason = 'crashed') {
    this.emit('render-process-gone', {}, { reason, exitCode: 11 })
  }
}

function setup() {
  let clock = 1_000_000
  const contents = new FakeContents()
  const logged: string[] = []
  const ask = vi.fn(async () => false)
  recoverFromCrashes(contents as never, {
    log: (details, action) => logged.push(`${details.reason} ${action}`),
    ask,
    now: () => clock,
  })
  return { contents, logged, ask, advance: (ms: number) => (clock += ms) }
}

describe('a crashed window', () => {
  it('reloads once, with a log line', () => {
    const { contents, logged, ask } = setup()
    contents.crash()
    expect(contents.reloads).toBe(1)
    expect(logged).toEqual(['crashed reload'])
    expect(ask).not.toHaveBeenCalled()
  })

  it('asks instead of looping when it crashes again soon after', async () => {
    const { contents, logged, ask, advance } = setup()
    contents.crash()
    advance(5_000)
    contents.crash('oom')
    contents.crash('oom')
    await vi.waitFor(() => expect(ask).toHaveBeenCalledOnce())
    expect(contents.reloads).toBe(1)
    expect(logged).toEqual(['crashed reload', 'oom ask', 'oom ask'])
  })

  it('reloads after "Try again", and treats a crash long after as new', async () => {
    const { contents, ask, advance } = setup()
    ask.mockResolvedValue(true)
    contents.crash()
    contents.crash()
    await vi.waitFor(() => expect(contents.reloads).toBe(2))
    advance(10 * 60_000)
    contents.crash()
    expect(contents.reloads).toBe(3)
    expect(ask).toHaveBeenCalledOnce()
  })

  it('leaves a page that ended normally, or a closed window, alone', () => {
    const { contents, logged } = setup()
    contents.crash('clean-exit')
    contents.destroyed = true
    contents.crash()
    expect(contents.reloads).toBe(0)
    expect(logged).toEqual([])
  })

  it('says it plainly, and quits when asked to', async () => {
    const quit = vi.fn()
    answer = 1
    expect(await askAfterCrashes(quit)).toBe(false)
    expect(quit).toHaveBeenCalledOnce()
    answer = 0
    expect(await askAfterCrashes(quit)).toBe(true)
    expect(quit).toHaveBeenCalledOnce()
    expect(boxes[0]).toMatchObject({
      message: 'A Leadbox window keeps stopping.',
      buttons: ['Try again', 'Quit Leadbox'],
    })
    expect(JSON.stringify(boxes[0])).not.toMatch(/crashed|oom|exit code|render/i)
  })
})
