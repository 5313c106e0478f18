import { describe, expect, it } from 'vitest'
import { mergeContacts } from './contact-choices'

const cached = [
  { id: 1, name: 'Maria Schmidt' },
  { id: 2, name: 'Mario Rossi' },
]

describe('mergeContacts', () => {
  it('puts the cached contacts first and adds what only Pipedrive found', () => {
    const found = [
      { id: 3, name: 'Marianne Kühn', detail: 'mk@example.com' },
      { id: 1, name: 'Maria Schmidt', detail: 'maria@example.com' },
    ]
    expect(mergeContacts(cached, found, 8)).toEqual([
      { id: 1, name: 'Maria Schmidt', detail: 'maria@example.com' },
      { id: 2, name: 'Mario Rossi' },
      { id: 3, name: 'Marianne Kühn', detail: 'mk@example.com' },
    ])
  })

  it("keeps the cached name when Pipedrive's differs, and each id once", () => {
    const found = [
      { id: 2, name: 'Mario Rossi (old)' },
      { id: 4, name: 'Marek Nowak' },
      { id: 4, name: 'Marek Nowak' },
    ]
    expect(mergeContacts(cached, found, 8)).toEqual([
      { id: 1, name: 'Maria Schmidt' },
      { id: 2, name: 'Mario Rossi' },
      { id: 4, name: 'Marek Nowak' },
    ])
  })

  it('shows at most the limit, the cached ones before the others', () => {
    const found = [{ id: 5, name: 'Marta' }]
    expect(mergeContacts(cached, found, 2).map((c) => c.id)).toEqual([1, 2])
    expect(mergeContacts([], found, 2)).toEqual([{ id: 5, name: 'Marta' }])
    expect(mergeContacts(cached, [], 8)).toEqual(cached)
  })
})
