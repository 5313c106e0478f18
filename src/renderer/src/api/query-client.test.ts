import { describe, expect, it } from 'vitest'
import { LeadboxError } from '../../../shared/result'
import { createQueryClient, shouldRetryQuery } from './query-client'

describe('createQueryClient', () => {
  it('treats every call as IPC: always runs, no focus refetch, no mutation retries', () => {
    const { queries, mutations } = createQueryClient().getDefaultOptions()
    expect(queries?.networkMode).toBe('always')
    expect(queries?.refetchOnWindowFocus).toBe(false)
    expect(queries?.staleTime).toBeGreaterThan(0)
    expect(mutations?.networkMode).toBe('always')
    expect(mutations?.retry).toBe(false)
  })
})

describe('shouldRetryQuery', () => {
  it('retries a passing failure once', () => {
    expect(shouldRetryQuery(0, new Error('socket closed'))).toBe(true)
    expect(shouldRetryQuery(0, new LeadboxError('internal', 'Broken.'))).toBe(true)
    expect(shouldRetryQuery(1, new Error('socket closed'))).toBe(false)
  })

  it('does not retry what a second identical request cannot fix', () => {
    expect(shouldRetryQuery(0, new LeadboxError('invalid_request', 'Bad.'))).toBe(false)
    expect(shouldRetryQuery(0, new LeadboxError('forbidden_sender', 'No.'))).toBe(false)
  })
})
