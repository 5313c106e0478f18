import { describe, expect, it } from 'vitest'
import { announcementFor } from './announcement'

const quiet = { outcome: null, choosing: null, catalogProblem: null }

describe('what the live region says', () => {
  it('asks about a name once, however far its typing goes', () => {
    const asked = (name: string) =>
      announcementFor({
        ...quiet,
        choosing: { kind: 'person', start: 11, prompt: `Which person is “${name}”?` },
      })
    expect(asked('Ja')?.text).toBe('Which person is “Ja”?')
    expect(asked('Jan')?.key).toBe(asked('Ja')?.key)
    // Another name on the line is another question.
    expect(
      announcementFor({
        ...quiet,
        choosing: { kind: 'person', start: 20, prompt: 'Which person is “Mo”?' },
      })?.key,
    ).not.toBe(asked('Ja')?.key)
  })

  it('says what Enter did before anything else, and nothing when there is nothing new', () => {
    expect(
      announcementFor({
        outcome: { text: 'Saved: Acme' },
        choosing: { kind: 'person', start: 0, prompt: 'Which person is “Ja”?' },
        catalogProblem: 'Could not read your Pipedrive names.',
      }),
    ).toEqual({ key: 'outcome:Saved: Acme', text: 'Saved: Acme' })
    expect(announcementFor({ ...quiet, catalogProblem: 'Could not read.' })?.text).toBe(
      'Could not read.',
    )
    expect(announcementFor(quiet)).toBeNull()
  })
})
