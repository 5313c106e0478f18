import { describe, expect, it } from 'vitest'
import type { SyncStatus } from '../../../../shared/ipc/contract'
import { LeadboxError } from '../../../../shared/result'
import { saveProblems, savedMessage } from './save-messages'

const status = (online: boolean, signedIn: boolean, unreachableSince: number | null = null) =>
  ({ online, signedIn, unreachableSince }) as SyncStatus

describe('savedMessage', () => {
  it('says the lead waits when it cannot sync now', () => {
    expect(savedMessage('Acme', status(true, true))).toBe('Saved: Acme')
    expect(savedMessage('Acme', status(false, true))).toBe('Saved offline — will sync: Acme')
    expect(savedMessage('Acme', status(true, false))).toBe('Saved offline — will sync: Acme')
    expect(savedMessage('Acme', undefined)).toBe('Saved: Acme')
  })

  it('says Pipedrive is unreachable when the network is up but Pipedrive does not answer', () => {
    expect(savedMessage('Acme', status(true, true, 1_000))).toBe(
      'Saved — Pipedrive unreachable, will sync: Acme',
    )
    expect(savedMessage('Acme', status(false, true, 1_000))).toBe('Saved offline — will sync: Acme')
  })
})

describe('saveProblems', () => {
  it('lists what each field needs, once', () => {
    const error = new LeadboxError('invalid_request', 'The request was not valid.', {
      person: 'Link the lead to a person or an organization',
      title: 'Give the lead a title',
      'value.amount': 'Give the lead a title',
    })
    expect(saveProblems(error)).toEqual([
      'Link the lead to a person or an organization',
      'Give the lead a title',
    ])
  })

  it('has words for any failure', () => {
    expect(saveProblems(new Error('socket closed'))).toEqual(['socket closed'])
  })
})
