import type { InboxLead } from '../../../../shared/ipc/contract'
import type { LeadFields } from '../../../../shared/leads/lead-change'

/** The edit form as typed: text where the user types, so half-typed values survive. */
export interface LeadForm {
  title: string
  amount: string
  currency: string
  /** YYYY-MM-DD, or '' for none. */
  expectedCloseDate: string
  labelIds: string[]
  /** A user id, or '' when the lead has no owner Leadbox knows. */
  ownerId: string
  wasSeen: boolean
}

export type EditableField =
  'title' | 'value' | 'expectedCloseDate' | 'labelIds' | 'ownerId' | 'wasSeen'

export function formFromLead(lead: InboxLead, defaultCurrency = 'EUR'): LeadForm {
  return {
    title: lead.title,
    amount: lead.value ? String(lead.value.amount) : '',
    currency: lead.value?.currency ?? defaultCurrency,
    expectedCloseDate: lead.expectedCloseDate ?? '',
    labelIds: [...lead.labelIds],
    ownerId: lead.ownerId === null ? '' : String(lead.ownerId),
    wasSeen: lead.wasSeen,
  }
}

export type FormChanges =
  | { ok: true; after: LeadFields; before: LeadFields }
  | { ok: false; errors: Partial<Record<EditableField, string>> }

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id) => b.includes(id))

/**
 * Only what the user changed, and what it was: an edit of the title must not send the
 * value back, or it would overwrite a change made in Pipedrive meanwhile. Main checks the
 * values; only what cannot even be put into a change (an amount that is not a number) is
 * caught here.
 */
export function changesFrom(lead: InboxLead, form: LeadForm): FormChanges {
  const after: LeadFields = {}
  const before: LeadFields = {}
  if (form.title !== lead.title) {
    after.title = form.title
    before.title = lead.title
  }

  const amountText = form.amount.trim().replace(',', '.')
  const currency = form.currency.trim().toUpperCase()
  if (amountText === '') {
    if (lead.value !== null) {
      after.value = null
      before.value = lead.value
    }
  } else {
    const amount = Number(amountText)
    if (!Number.isFinite(amount)) {
      return { ok: false, errors: { value: 'Enter an amount like 1200.50' } }
    }
    if (amount !== lead.value?.amount || currency !== lead.value.currency) {
      after.value = { amount, currency }
      before.value = lead.value
    }
  }

  const closeDate = form.expectedCloseDate === '' ? null : form.expectedCloseDate
  if (closeDate !== lead.expectedCloseDate) {
    after.expectedCloseDate = closeDate
    before.expectedCloseDate = lead.expectedCloseDate
  }
  if (!sameSet(form.labelIds, lead.labelIds)) {
    after.labelIds = form.labelIds
    before.labelIds = lead.labelIds
  }
  const ownerId = form.ownerId === '' ? null : Number(form.ownerId)
  if (ownerId !== null && ownerId !== lead.ownerId) {
    after.ownerId = ownerId
    // A lead always has an owner in Pipedrive; an unknown one is left out of `before`.
    if (lead.ownerId !== null) before.ownerId = lead.ownerId
  }
  if (form.wasSeen !== lead.wasSeen) {
    after.wasSeen = form.wasSeen
    before.wasSeen = lead.wasSeen
  }
  return { ok: true, after, before }
}

const editableFields: readonly EditableField[] = [
  'title',
  'value',
  'expectedCloseDate',
  'labelIds',
  'ownerId',
  'wasSeen',
]

/**
 * Main names a refused field by its path in the request ("change.after.value.amount"):
 * the field of the form is the part after "after".
 */
export function fieldOfErrorPath(path: string): EditableField | null {
  const parts = path.split('.')
  const at = parts.indexOf('after')
  const name = at === -1 ? undefined : parts[at + 1]
  return editableFields.find((field) => field === name) ?? null
}

/** Per-field messages from a refusal's `fields`, and the rest for the form as a whole. */
export function sortFieldErrors(fields: Record<string, string> | undefined): {
  byField: Partial<Record<EditableField, string>>
  other: string[]
} {
  const byField: Partial<Record<EditableField, string>> = {}
  const other: string[] = []
  for (const [path, message] of Object.entries(fields ?? {})) {
    const field = fieldOfErrorPath(path)
    if (field) byField[field] ??= message
    else other.push(message)
  }
  return { byField, other }
}

/**
 * The lead as it will be once a saved change reaches Pipedrive, so the pane does not show
 * the old values while the change waits in the outbox.
 */
export function withChanges(
  lead: InboxLead,
  after: LeadFields,
  users: readonly { id: number; name: string }[],
): InboxLead {
  const next: InboxLead = { ...lead }
  if (after.title !== undefined) next.title = after.title
  if (after.value !== undefined) next.value = after.value
  if (after.expectedCloseDate !== undefined) next.expectedCloseDate = after.expectedCloseDate
  if (after.labelIds !== undefined) next.labelIds = after.labelIds
  if (after.wasSeen !== undefined) next.wasSeen = after.wasSeen
  if (after.ownerId !== undefined) {
    next.ownerId = after.ownerId
    next.ownerName = users.find((user) => user.id === after.ownerId)?.name ?? null
  }
  return next
}

/** Where Pipedrive shows a lead. */
export const pipedriveLeadUrl = (id: string) =>
  `https://app.pipedrive.com/leads/inbox/${encodeURIComponent(id)}`

export const pipedriveDealUrl = (id: string) =>
  `https://app.pipedrive.com/deal/${encodeURIComponent(id)}`
