import { describe, expect, it } from 'vitest'
import { visibilityChoices, visibilityWords } from './visibility'

describe('who can see a lead', () => {
  it("offers the plan's choices in plain words, Pipedrive's default first", () => {
    expect(visibilityChoices(false).map((c) => [c.value, c.label])).toEqual([
      ['', 'As usual in Pipedrive (your default)'],
      ['1', 'Only the owner and followers'],
      ['3', 'Everyone in the company'],
    ])
    expect(visibilityChoices(true).map((c) => c.value)).toEqual(['', '1', '3', '5', '7'])
    expect(visibilityChoices(true).find((c) => c.value === '7')?.label).toBe(
      'Everyone in the company',
    )
    for (const choice of [...visibilityChoices(false), ...visibilityChoices(true)]) {
      expect(choice.label).not.toMatch(/Premium|Ultimate|Growth|\(.*plan/i)
    }
  })

  it("says what a lead's value means for the plan", () => {
    expect(visibilityWords('3', false)).toBe('Everyone in the company')
    expect(visibilityWords('3', true)).toBe("The owner's visibility group")
    // A 5 where no groups were known: the company has them after all.
    expect(visibilityWords('5', false)).toBe("The owner's group and its sub-groups")
    expect(visibilityWords(null, false)).toBe('—')
  })
})
