import { describe, expect, it } from 'vitest'
import { leadDraftSchema, leadSeedSchema } from '../leads/lead-draft'
import { fieldErrors } from '../result'
import { draftIssueMessage } from './draft-messages'

/** What the user reads for each refused part of a draft. */
function refused(schema: typeof leadDraftSchema | typeof leadSeedSchema, draft: unknown) {
  const parsed = schema.safeParse(draft, { error: draftIssueMessage })
  if (parsed.success) throw new Error('the draft was accepted')
  return fieldErrors(parsed.error)
}

describe('plain words for a refused draft', () => {
  it('says how long a title may be and how long this one is', () => {
    const title = 'a'.repeat(5000)
    expect(refused(leadDraftSchema, { title, organization: { kind: 'existing', id: 1 } })).toEqual({
      title: 'A lead title can be at most 255 characters; this one has 5,000.',
    })
    // Cmd/Ctrl+Enter hands the line to the form as a seed, checked by the same rule.
    expect(refused(leadSeedSchema, { title })).toEqual({
      title: 'A lead title can be at most 255 characters; this one has 5,000.',
    })
  })

  it('names the part for each rule a quick-add line can break', () => {
    const long = 'n'.repeat(300)
    expect(
      refused(leadDraftSchema, {
        title: 'Renewal',
        person: { kind: 'new', name: long, phone: '1' },
        organization: { kind: 'new', name: long },
        labelIds: Array.from({ length: 101 }, () => '8b5c1f1e-6a52-4d1b-9a55-0d5b8f0a8c01'),
        note: ' ',
        extra: true,
      }),
    ).toEqual({
      'person.name': 'A person’s name can be at most 255 characters; this one has 300.',
      'person.phone': 'A phone number needs at least 3 characters.',
      'organization.name':
        'An organization’s name can be at most 255 characters; this one has 300.',
      labelIds: 'The list of labels can hold at most 100.',
      note: 'A note cannot be empty.',
      '(root)': 'Leadbox does not know this part: extra.',
    })
  })

  it('keeps the schema’s own words and never shows zod’s', () => {
    const fields = refused(leadDraftSchema, {
      title: ' ',
      organization: { kind: 'existing', id: 1 },
      value: { amount: 5 },
      expectedCloseDate: '2026-02-30',
    })
    expect(fields).toEqual({
      title: 'Give the lead a title',
      'value.currency': 'A currency is needed',
      expectedCloseDate: 'This day does not exist',
    })
    for (const message of Object.values(fields)) {
      expect(message).not.toMatch(/expected|Too (big|small)|Invalid input|_/)
    }
  })

  it('leaves what is not part of a lead to its own schema', () => {
    expect(draftIssueMessage({ code: 'custom', input: 1, path: ['accelerator'] })).toBeUndefined()
  })
})
