import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createCatalogIndex, createCatalogIndexInSteps, type CatalogIndex } from './catalog'
import { normalizeName } from './normalize'
import { sampleOrganizations, samplePersons } from './sample-catalog'
import type { CatalogEntry } from './types'

describe('normalizeName', () => {
  it('ignores case, accents, and extra spaces', () => {
    expect(normalizeName('  José   GARCÍA ')).toBe('jose garcia')
    expect(normalizeName('Zoë Müller-Lüdenscheidt')).toBe('zoe muller-ludenscheidt')
  })

  it('folds letters that decomposition leaves alone', () => {
    expect(normalizeName('Łukasz Søren Straße')).toBe('lukasz soren strasse')
    expect(normalizeName('O’Brien')).toBe("o'brien")
  })

  it('survives lone surrogates and control characters', () => {
    expect(() => normalizeName('\ud800x\u0000\udfff')).not.toThrow()
  })
})

describe('createCatalogIndex', () => {
  const index = createCatalogIndex([
    { id: 3, name: 'Jane Doe' },
    { id: 1, name: 'Jane Doe' },
    { id: 2, name: 'Jan Novák' },
    { id: 4, name: 'Mary Jane Watson' },
    { id: 5, name: '   ' },
  ])

  it('finds whole names, duplicates by id', () => {
    expect(index.find('jane doe').map((entry) => entry.id)).toEqual([1, 3])
    expect(index.find('JAN NOVAK')).toEqual([{ id: 2, name: 'Jan Novák' }])
    expect(index.find('Jane')).toEqual([])
  })

  it('searches by the start of the name, then the start of a later word', () => {
    expect(index.search('jan').map((entry) => entry.id)).toEqual([2, 1, 3, 4])
    expect(index.search('jane').map((entry) => entry.id)).toEqual([1, 3, 4])
    expect(index.search('wat').map((entry) => entry.id)).toEqual([4])
    expect(index.search('novak').map((entry) => entry.id)).toEqual([2])
    expect(index.search('jane d').map((entry) => entry.id)).toEqual([1, 3])
  })

  it('finds a word inside a name only at its start', () => {
    expect(index.search('ane')).toEqual([])
  })

  it('honours the limit and skips blank names', () => {
    expect(index.search('j', 2)).toHaveLength(2)
    expect(index.search('')).toEqual([])
    expect(index.size).toBe(4)
    expect(index.maxWords).toBe(3)
  })

  it('lists each entry once even when two of its words fit', () => {
    const twice = createCatalogIndex([{ id: 1, name: 'Anna Anna' }])
    expect(twice.search('anna')).toEqual([{ id: 1, name: 'Anna Anna' }])
  })

  it('holds 10,000 generated persons and finds them again', () => {
    const persons = samplePersons(10_000)
    const big = createCatalogIndex(persons)
    expect(big.size).toBe(10_000)
    for (const person of persons.slice(0, 200)) {
      expect(big.find(person.name)).toContainEqual(person)
    }
  })
})

/** Everything an index answers for these names: every match of every beginning, in order. */
function answers(index: CatalogIndex, names: readonly string[]) {
  const asked = new Set<string>(['a', 'j', 'x', ' ', ''])
  for (const name of names) {
    const key = normalizeName(name)
    for (let length = 1; length <= Math.min(key.length, 6); length += 1)
      asked.add(key.slice(0, length))
    asked.add(name)
    for (const word of key.split(' ')) asked.add(word)
  }
  return {
    size: index.size,
    maxWords: index.maxWords,
    answers: [...asked].map((text) => ({
      text,
      find: index.find(text),
      search: index.search(text, Number.MAX_SAFE_INTEGER),
      firstEight: index.search(text),
    })),
  }
}

/** Builds with a yield between every two steps, as a busy window would. */
function builtOneStepAtATime(entries: readonly CatalogEntry[]) {
  const index = createCatalogIndexInSteps(entries)
  let slices = 0
  while (!index.buildSome(() => true)) slices += 1
  return { index, slices }
}

describe('createCatalogIndexInSteps', () => {
  it('builds in many slices and then answers exactly as the whole index', () => {
    const persons = [...samplePersons(6_000), ...samplePersons(2_000, 9)].map((person, at) => ({
      ...person,
      // Namesakes and repeated ids, out of order, as a cache may hold them.
      id: at % 7 === 0 ? 42 : 8_000 - at,
    }))
    const { index, slices } = builtOneStepAtATime(persons)
    expect(slices).toBeGreaterThan(20)
    expect(index.built).toBe(true)
    const names = persons.filter((_, at) => at % 40 === 0).map((person) => person.name)
    expect(answers(index, names)).toEqual(answers(createCatalogIndex(persons), names))
  })

  it('answers as the whole index for any catalog, however the slices fall', () => {
    const name = fc
      .array(
        fc.constantFrom('ann', 'Anna', 'Åsa', 'bo', 'Bo', 'jan', 'Jane', 'doe', 'DOE', ' ', 'x'),
        {
          maxLength: 5,
        },
      )
      .map((words) => words.join(' '))
    const entry = fc.record({ id: fc.integer({ min: 1, max: 40 }), name })
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 2_500 }),
        fc.integer({ min: 1, max: 50 }),
        (entries, every) => {
          const index = createCatalogIndexInSteps(entries)
          let asked = 0
          while (!index.buildSome(() => ++asked % every === 0)) {
            // Slices of varying length, each stopped by the caller.
          }
          const names = entries.slice(0, 30).map((one) => one.name)
          expect(answers(index, names)).toEqual(answers(createCatalogIndex(entries), names))
        },
      ),
      { numRuns: 40 },
    )
  })

  it('finishes at once when asked before it is done, with the whole answer', () => {
    const organizations = sampleOrganizations(5_000)
    const index = createCatalogIndexInSteps(organizations)
    expect(index.buildSome(() => true)).toBe(false)
    expect(index.built).toBe(false)
    const whole = createCatalogIndex(organizations)
    const name = organizations[4_999]!.name
    expect(index.search(name.slice(0, 3))).toEqual(whole.search(name.slice(0, 3)))
    expect(index.built).toBe(true)
    expect(index.find(name)).toEqual(whole.find(name))
  })

  it('does no work until asked, and little per slice', () => {
    let asked = 0
    const index = createCatalogIndexInSteps(samplePersons(100_000))
    expect(index.built).toBe(false)
    index.buildSome(() => ++asked >= 3)
    expect(index.built).toBe(false)
    expect(asked).toBe(3)
  })

  it('handles an empty catalog', () => {
    const index = createCatalogIndexInSteps([])
    expect(index.buildSome(() => true)).toBe(true)
    expect(index.search('a')).toEqual([])
    expect(index.maxWords).toBe(0)
  })
})
