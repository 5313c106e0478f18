import { describe, expect, it } from 'vitest'
import type { LeadDraft } from '../../../../shared/leads/lead-draft'
import { draftFromForm } from './draft-from-form'
import { formFromDraft } from './form-from-draft'

const catalog = {
  defaultCurrency: 'EUR',
  persons: [{ id: 7, name: 'Maria Schmidt' }],
  organizations: [],
}

describe('formFromDraft', () => {
  it('fills the form so that saving it unchanged gives the same draft back', () => {
    const draft: LeadDraft = {
      title: 'Fair contact',
      person: { kind: 'existing', id: 7 },
      organization: { kind: 'new', name: 'Fair GmbH' },
      value: { amount: 5000, currency: 'USD' },
      ownerId: 2,
      labelIds: ['f08b42a0-4e75-11ea-9643-03698ef1cfd6'],
      expectedCloseDate: '2026-12-24',
      visibleTo: '3',
      wasSeen: true,
      note: 'Call in January',
      activity: { type: 'call', subject: 'Fleet call', dueDate: '2026-12-04', dueTime: '10:00' },
    }
    const form = formFromDraft(draft, catalog)
    expect(form.person).toEqual({ kind: 'existing', id: 7, name: 'Maria Schmidt' })
    const back = draftFromForm(form, [])
    expect(back).toEqual({ ok: true, draft })
  })

  it('keeps the queued person quick add chose, so the form does not make them twice', () => {
    const draft: LeadDraft = {
      title: 'Trial',
      person: { kind: 'new', name: 'Jane Doe', email: 'jane@acme.example', queuedAs: 41 },
    }
    expect(draftFromForm(formFromDraft(draft, catalog), [])).toEqual({ ok: true, draft })
  })
})
