import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../db/migrate'
import { createSettingsStore } from './settings-store'

function store() {
  const db = new Database(':memory:')
  migrate(db)
  return { db, settings: createSettingsStore(db, () => 1_700_000_000_000) }
}

describe('the settings store', () => {
  const bounds = { x: 10, y: 20, width: 1000, height: 700, maximized: false }

  it('keeps a value with its shape', () => {
    const { settings } = store()
    expect(settings.get('mainWindowBounds')).toBeUndefined()
    settings.set('mainWindowBounds', bounds)
    expect(settings.get('mainWindowBounds')).toEqual(bounds)
    settings.set('mainWindowBounds', { ...bounds, maximized: true })
    expect(settings.get('mainWindowBounds')?.maximized).toBe(true)
  })

  it('refuses to write a value of the wrong shape', () => {
    const { settings } = store()
    expect(() => settings.set('mainWindowBounds', { ...bounds, width: 10 })).toThrow()
    expect(settings.get('mainWindowBounds')).toBeUndefined()
  })

  it('ignores a stored value that no longer fits instead of failing', () => {
    const { db, settings } = store()
    db.prepare('INSERT INTO settings VALUES (?, ?, ?)').run('mainWindowBounds', '{"x":"left"}', 1)
    expect(settings.get('mainWindowBounds')).toBeUndefined()
    db.prepare('UPDATE settings SET value = ?').run('not json')
    expect(settings.get('mainWindowBounds')).toBeUndefined()
  })
})
