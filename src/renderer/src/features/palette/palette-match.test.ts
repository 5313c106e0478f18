import { describe, expect, it } from 'vitest'
import { matchScore, rankByMatch } from './palette-match'

const commands = [
  { name: 'Change quick-add shortcut', otherWords: ['hotkey', 'global', 'capture'] },
  { name: 'Go to archived leads', otherWords: ['archive'] },
  { name: 'Archive lead', otherWords: [] },
  { name: 'Go to Outbox', otherWords: ['pending', 'queue'] },
]
const names = (query: string) => rankByMatch(commands, query, (c) => c).map((c) => c.name)

describe('what the palette finds for what is typed', () => {
  it('wants the beginnings of words, not letters scattered through a name', () => {
    expect(names('arch')).toEqual(['Archive lead', 'Go to archived leads'])
    expect(matchScore('arch', 'Change quick-add shortcut', ['hotkey', 'global', 'capture'])).toBe(0)
    expect(names('qas')).toEqual([])
  })

  it('takes every typed word, in any order, and the other words of a command', () => {
    expect(names('shortcut quick')).toEqual(['Change quick-add shortcut'])
    expect(names('queue')).toEqual(['Go to Outbox'])
    expect(names('hotkey glob')).toEqual(['Change quick-add shortcut'])
  })

  it('finds text inside a name too, and ignores case and accents', () => {
    expect(matchScore('box', 'Go to Outbox')).toBeGreaterThan(0)
    expect(matchScore('CAFE', 'Café Müller – espresso machines')).toBeGreaterThan(0)
    expect(matchScore('muller esp', 'Café Müller – espresso machines')).toBeGreaterThan(0)
  })

  it('puts names that begin with what is typed first', () => {
    expect(matchScore('archive', 'Archive lead')).toBeGreaterThan(
      matchScore('archive', 'Go to archived leads'),
    )
    expect(names('')).toEqual(commands.map((c) => c.name))
  })
})
