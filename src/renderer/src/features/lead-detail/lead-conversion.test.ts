import { describe, expect, it } from 'vitest'
import { outboxRow } from '../../testing/outbox-row'
import { conversionOf, conversionStep } from './lead-conversion'

const convert = (id: number, overrides: Parameters<typeof outboxRow>[1] = {}) =>
  outboxRow(id, { kind: 'lead.convert', lead: { remoteId: 'lead-a' }, ...overrides })

describe('conversionOf', () => {
  it("finds the lead's latest conversion that was not discarded", () => {
    const rows = [
      convert(4, { state: 'cancelled' }),
      convert(3, { state: 'needs_attention' }),
      convert(2, { state: 'needs_attention' }),
      convert(1, { lead: { remoteId: 'lead-b' } }),
      outboxRow(5, { kind: 'lead.archive', lead: { remoteId: 'lead-a' } }),
    ]
    expect(conversionOf(rows, 'lead-a')?.id).toBe(3)
    expect(conversionOf(rows, 'lead-c')).toBeNull()
  })
})

describe('conversionStep', () => {
  it('names the new deal once Pipedrive made it', () => {
    expect(conversionStep(convert(1, { state: 'sent', remoteId: '33' }))).toEqual({
      step: 'done',
      dealId: '33',
      words: 'Converted to deal 33.',
    })
    expect(conversionStep(convert(1, { state: 'sent' }))).toMatchObject({ dealId: null })
  })

  it("says Pipedrive's reason when it refused, and waits otherwise", () => {
    expect(
      conversionStep(convert(1, { state: 'needs_attention', lastError: 'conversion failed' })),
    ).toEqual({ step: 'refused', words: 'Pipedrive did not convert it: conversion failed' })
    expect(conversionStep(convert(1)).step).toBe('waiting')
    expect(conversionStep(convert(1, { state: 'uncertain', attempts: 1 })).words).toMatch(
      /Converting to a deal in Pipedrive/,
    )
  })
})
