import { describe, expect, it } from 'vitest'
import { errorsByInput, inputFor } from './form-errors'

describe('inputFor', () => {
  it('puts each of main’s paths next to its input', () => {
    const key = 'a'.repeat(40)
    expect(inputFor('title')).toBe('title')
    expect(inputFor('value.currency')).toBe('value')
    expect(inputFor('labelIds.0')).toBe('labelIds')
    expect(inputFor('person')).toBe('person')
    expect(inputFor('person.id')).toBe('person')
    expect(inputFor('person.email')).toBe('person.email')
    expect(inputFor('organization.name')).toBe('organization.name')
    expect(inputFor(`customFields.${key}_currency`)).toBe(`customFields.${key}`)
    expect(inputFor('(root)')).toBe('form')
  })

  it('keeps the first message of an input', () => {
    expect(errorsByInput({ 'labelIds.0': 'A', 'labelIds.1': 'B', title: 'C' })).toEqual({
      labelIds: 'A',
      title: 'C',
    })
    expect(errorsByInput(undefined)).toEqual({})
  })
})
