import { describe, expect, it } from 'vitest'
import { databaseRecoveryReport } from './database-recovery'

const recovered = {
  status: 'recovered' as const,
  movedAsideAs: 'leadbox.db.damaged-2026-11-27T10-00-00-000Z',
  reason: 'integrity check said: page 12 is never used',
  readable: true,
}

describe('databaseRecoveryReport', () => {
  it('says how many unsent changes came back and how many could not be read', () => {
    expect(
      databaseRecoveryReport({ ...recovered, changesRecovered: 12, changesUnreadable: 1 }),
    ).toBe(
      "Leadbox's database was damaged. It was set aside as leadbox.db.damaged-2026-11-27T10-00-00-000Z, and 12 changes not yet sent to Pipedrive were recovered; 1 could not be read. Keep that file if you need them back. Your settings and account were kept; leads and contacts are read again from Pipedrive.",
    )
  })

  it('says one change in the singular, and asks for nothing when all came back', () => {
    const report = databaseRecoveryReport({
      ...recovered,
      changesRecovered: 1,
      changesUnreadable: 0,
    })
    expect(report).toContain('and 1 change not yet sent to Pipedrive was recovered.')
    expect(report).not.toContain('Keep that file')
  })

  it('says when there was nothing waiting, and when nothing could be read', () => {
    expect(
      databaseRecoveryReport({ ...recovered, changesRecovered: 0, changesUnreadable: 0 }),
    ).toContain('it held no changes waiting to be sent to Pipedrive.')
    expect(
      databaseRecoveryReport({ ...recovered, changesRecovered: 0, changesUnreadable: 3 }),
    ).toContain('and 3 changes not yet sent to Pipedrive could not be read. Keep that file')
    expect(
      databaseRecoveryReport({
        ...recovered,
        readable: false,
        changesRecovered: 0,
        changesUnreadable: 0,
      }),
    ).toContain(
      'but nothing could be read from it: changes that were waiting to be sent to Pipedrive are not in the new database. Keep that file if you need them back.',
    )
  })
})
