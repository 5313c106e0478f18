import { describe, expect, it } from 'vitest'
import { createCatalogIndex } from './catalog'
import { normalizeName } from './normalize'
import { samplePersons } from './sample-catalog'

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
