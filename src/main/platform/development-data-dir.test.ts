import { describe, expect, it } from 'vitest'
import { developmentDataDir } from './development-data-dir'

describe('developmentDataDir', () => {
  const dir = process.platform === 'win32' ? 'C:\\leadbox-demo' : '/var/leadbox-demo'

  it('gives an unpackaged app the folder LEADBOX_USER_DATA_DIR names', () => {
    expect(developmentDataDir(false, { LEADBOX_USER_DATA_DIR: dir })).toBe(dir)
  })

  it('is never read by a packaged app', () => {
    expect(developmentDataDir(true, { LEADBOX_USER_DATA_DIR: dir })).toBeUndefined()
  })

  it('ignores an empty or relative path', () => {
    expect(developmentDataDir(false, {})).toBeUndefined()
    expect(developmentDataDir(false, { LEADBOX_USER_DATA_DIR: '' })).toBeUndefined()
    expect(developmentDataDir(false, { LEADBOX_USER_DATA_DIR: 'data' })).toBeUndefined()
  })
})
