import type { LeadSeed } from '../../../../shared/leads/lead-draft'
import type { CatalogEntry } from '../../../../shared/quick-add'
import { noActivity, type ContactChoice, type LeadFormState } from './lead-form-state'

function contact(
  ref: LeadSeed['person'] | LeadSeed['organization'],
  known: readonly CatalogEntry[],
): ContactChoice {
  if (!ref) return { kind: 'none' }
  if (ref.kind === 'existing') {
    const name = known.find((entry) => entry.id === ref.id)?.name ?? `#${ref.id}`
    return { kind: 'existing', id: ref.id, name }
  }
  const details = ref as { name: string; email?: string; phone?: string; queuedAs?: number }
  return {
    kind: 'new',
    name: details.name,
    email: details.email ?? '',
    phone: details.phone ?? '',
    ...(details.queuedAs === undefined ? {} : { queuedAs: details.queuedAs }),
  }
}

/**
 * The form filled with a lead begun elsewhere: one waiting in the outbox to be fixed, or a
 * quick-add line to be finished.
 */
export function formFromDraft(
  draft: LeadSeed,
  catalog: {
    defaultCurrency: string
    persons: readonly CatalogEntry[]
    organizations: readonly CatalogEntry[]
  },
): LeadFormState {
  const customFields: LeadFormState['customFields'] = {}
  for (const [key, value] of Object.entries(draft.customFields ?? {})) {
    if (value === null) continue
    customFields[key] = Array.isArray(value) ? value.map(String) : String(value)
  }
  return {
    title: draft.title,
    person: contact(draft.person, catalog.persons),
    organization: contact(draft.organization, catalog.organizations),
    amount: draft.value ? String(draft.value.amount) : '',
    currency: draft.value?.currency ?? catalog.defaultCurrency,
    ownerId: draft.ownerId !== undefined ? String(draft.ownerId) : '',
    labelIds: draft.labelIds ?? [],
    expectedCloseDate: draft.expectedCloseDate ?? '',
    visibleTo: draft.visibleTo ?? '',
    wasSeen: draft.wasSeen ?? false,
    customFields,
    note: draft.note ?? '',
    activity: draft.activity
      ? {
          type: draft.activity.type,
          subject: draft.activity.subject ?? '',
          dueDate: draft.activity.dueDate,
          dueTime: draft.activity.dueTime ?? '',
        }
      : noActivity,
  }
}
