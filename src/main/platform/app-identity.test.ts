import { describe, expect, it, vi } from 'vitest'

const state = { packaged: true, ids: [] as string[] }
vi.mock('electron', () => ({
  app: {
    get isPackaged() {
      return state.packaged
    },
    setAppUserModelId: (id: string) => void state.ids.push(id),
  },
}))
const { setWindowsAppIdentity } = await import('./app-identity')
const { appId } = await import('./app-id')

describe('the app identity on Windows', () => {
  it('is the installer app id when packaged, the executable in development', () => {
    setWindowsAppIdentity('win32')
    state.packaged = false
    setWindowsAppIdentity('win32')
    expect(state.ids).toEqual([appId, process.execPath])
  })

  it('is not set elsewhere', () => {
    state.ids.splice(0)
    setWindowsAppIdentity('darwin')
    setWindowsAppIdentity('linux')
    expect(state.ids).toEqual([])
  })
})
