import { describe, expect, it } from 'vitest'
import { readSignature } from '../../src/shared/capture'
import { loadSignatureCorpus, readCorrectly } from '../fixtures/signatures/corpus'

/** The least share of the corpus the signature reader must read correctly. */
const leastShareReadCorrectly = 0.9

const corpus = loadSignatureCorpus()

describe('the signature corpus', () => {
  it('holds at least 40 signatures', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40)
  })

  it.each(
    corpus.filter((entry) => entry.misread === undefined).map((entry) => [entry.file, entry]),
  )('reads %s correctly', (_file, entry) => {
    expect(readSignature(entry.text, entry.region)).toEqual(entry.expected)
  })

  // A misread that starts reading correctly loses its mark, so the share stays honest.
  it.each(
    corpus.filter((entry) => entry.misread !== undefined).map((entry) => [entry.file, entry]),
  )('still misreads %s, as its fixture says', (_file, entry) => {
    expect(readCorrectly(readSignature(entry.text, entry.region), entry.expected)).toBe(false)
  })

  it(`reads at least ${leastShareReadCorrectly * 100}% of it correctly`, () => {
    const correct = corpus.filter((entry) =>
      readCorrectly(readSignature(entry.text, entry.region), entry.expected),
    )
    expect(correct.length / corpus.length).toBeGreaterThanOrEqual(leastShareReadCorrectly)
  })
})
