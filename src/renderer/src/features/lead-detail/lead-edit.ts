import type { InboxLead } from '../../../../shared/ipc/contract'
import type { LeadFields } from '../../../../shared/leads/lead-change'
import { visibilityValues } from '../../../../shared/leads/lead-draft'
import { customValues } from '../lead-form/draft-from-form'
import {
  formFields,
  type ContactChoice,
  type CustomField,
  type LeadFormState,
  type Visibility,
} from '../lead-form/lead-form-state'

/** The edit form as typed: text where the user types, so half-typed values survive. */
export interface LeadForm {
  title: string
  person: ContactChoice
  organization: ContactChoice
  amount: string
  currency: string
  /** YYYY-MM-DD, or '' for none. */
  expectedCloseDate: string
  labelIds: string[]
  /** A user id, or '' when the lead has no owner Leadbox knows. */
  ownerId: string
  /** '' while Leadbox has not learned it: left as it is. */
  visibleTo: Visibility
  wasSeen: boolean
  customFields: LeadFormState['customFields']
}

/** Messages by input: a field's name, or `customFields.<key>`, as the full form has them. */
export type EditErrors = Record<string, string>

const contactOf = (id: number | null, name: string | null): ContactChoice =>
  id === null ? { kind: 'none' } : { kind: 'existing', id, name: name ?? `#${id}` }

/** A set's option ids, whether Pipedrive gave "301,303" or [301, 303]. */
const setIds = (raw: unknown): string[] =>
  (Array.isArray(raw) ? raw : String(raw).split(',')).map((id) => String(id).trim()).filter(Boolean)

export function formFromLead(
  lead: InboxLead,
  fields: readonly CustomField[],
  defaultCurrency = 'EUR',
): LeadForm {
  const customFields: LeadForm['customFields'] = {}
  for (const field of formFields(fields)) {
    const raw = lead.customFields[field.key]
    if (raw === undefined || raw === null || raw === '') continue
    customFields[field.key] = field.fieldType === 'set' ? setIds(raw) : String(raw)
    const currency = lead.customFields[`${field.key}_currency`]
    if (field.fieldType === 'monetary' && typeof currency === 'string') {
      customFields[`${field.key}_currency`] = currency
    }
  }
  return {
    title: lead.title,
    person: contactOf(lead.personId, lead.personName),
    organization: contactOf(lead.organizationId, lead.organizationName),
    amount: lead.value ? String(lead.value.amount) : '',
    currency: lead.value?.currency ?? defaultCurrency,
    expectedCloseDate: lead.expectedCloseDate ?? '',
    labelIds: [...lead.labelIds],
    ownerId: lead.ownerId === null ? '' : String(lead.ownerId),
    visibleTo: (visibilityValues as readonly string[]).includes(lead.visibleTo ?? '')
      ? (lead.visibleTo as Visibility)
      : '',
    wasSeen: lead.wasSeen,
    customFields,
  }
}

export type FormChanges =
  { ok: true; after: LeadFields; before: LeadFields } | { ok: false; errors: EditErrors }

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id) => b.includes(id))

/** Two values of one custom field, as Pipedrive and the form hold them, mean the same. */
function sameCustom(field: CustomField, a: unknown, b: unknown): boolean {
  const empty = (value: unknown) => value === undefined || value === null || value === ''
  if (empty(a) || empty(b)) return empty(a) && empty(b)
  if (field.fieldType === 'set') return sameSet(setIds(a), setIds(b))
  return String(a) === String(b)
}

type CustomValue = NonNullable<LeadFields['customFields']>[string]

function customChanges(lead: InboxLead, form: LeadForm, fields: readonly CustomField[]) {
  const errors: EditErrors = {}
  const typed = customValues(form.customFields, formFields(fields), errors)
  const after: Record<string, CustomValue> = {}
  const before: Record<string, CustomValue> = {}
  const old = (key: string) => (lead.customFields[key] ?? null) as CustomValue
  for (const field of formFields(fields)) {
    const next = (typed[field.key] ?? null) as CustomValue
    const currencyKey = `${field.key}_currency`
    const currencyMoved =
      field.fieldType === 'monetary' &&
      next !== null &&
      !sameCustom(field, typed[currencyKey], lead.customFields[currencyKey])
    if (sameCustom(field, old(field.key), next) && !currencyMoved) continue
    after[field.key] = next
    before[field.key] = old(field.key)
    if (field.fieldType === 'monetary' && next !== null) {
      after[currencyKey] = (typed[currencyKey] ?? null) as CustomValue
      before[currencyKey] = old(currencyKey)
    }
  }
  return { after, before, errors }
}

/**
 * Only what the user changed, and what it was: an edit of the title must not send the
 * value back, or it would overwrite a change made in Pipedrive meanwhile. Main checks the
 * values; only what cannot even be put into a change (an amount that is not a number) is
 * caught here.
 */
export function changesFrom(
  lead: InboxLead,
  form: LeadForm,
  fields: readonly CustomField[] = [],
): FormChanges {
  const after: LeadFields = {}
  const before: LeadFields = {}
  const errors: EditErrors = {}
  if (form.title !== lead.title) {
    after.title = form.title
    before.title = lead.title
  }

  const personId = form.person.kind === 'existing' ? form.person.id : null
  const organizationId = form.organization.kind === 'existing' ? form.organization.id : null
  if (personId === null && organizationId === null) {
    errors['person'] = 'A lead needs a person or an organization'
  }
  if (personId !== lead.personId) {
    after.personId = personId
    before.personId = lead.personId
  }
  if (organizationId !== lead.organizationId) {
    after.organizationId = organizationId
    before.organizationId = lead.organizationId
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
      errors['value'] = 'Enter an amount like 1200.50'
    } else if (amount !== lead.value?.amount || currency !== lead.value.currency) {
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
  if (form.visibleTo !== '' && form.visibleTo !== lead.visibleTo) {
    after.visibleTo = form.visibleTo
    // Only Pipedrive's own values can be a base to compare with.
    if ((visibilityValues as readonly string[]).includes(lead.visibleTo ?? '')) {
      before.visibleTo = lead.visibleTo as Visibility & LeadFields['visibleTo']
    }
  }
  if (form.wasSeen !== lead.wasSeen) {
    after.wasSeen = form.wasSeen
    before.wasSeen = lead.wasSeen
  }
  const custom = customChanges(lead, form, fields)
  Object.assign(errors, custom.errors)
  if (Object.keys(custom.after).length > 0) {
    after.customFields = custom.after
    before.customFields = custom.before
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, after, before }
}

// Where main's messages about `personId` belong in this form.
const inputOfField: Record<string, string> = {
  personId: 'person',
  organizationId: 'organization',
}

/**
 * Main names a refused field by its path in the request ("change.after.value.amount"):
 * the input of the form is the part after "after" (two parts for a custom field).
 */
export function fieldOfErrorPath(path: string): string | null {
  const parts = path.split('.')
  const at = parts.indexOf('after')
  const name = at === -1 ? undefined : parts[at + 1]
  if (name === undefined) return null
  if (name === 'customFields') {
    const key = parts[at + 2]
    return key ? `customFields.${key}` : null
  }
  return inputOfField[name] ?? name
}

/** Per-field messages from a refusal's `fields`, and the rest for the form as a whole. */
export function sortFieldErrors(fields: Record<string, string> | undefined): {
  byField: EditErrors
  other: string[]
} {
  const byField: EditErrors = {}
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
  names: {
    users: readonly { id: number; name: string }[]
    person?: string | null
    organization?: string | null
  },
): InboxLead {
  const next: InboxLead = { ...lead }
  if (after.title !== undefined) next.title = after.title
  if (after.personId !== undefined) {
    next.personId = after.personId
    next.personName = after.personId === null ? null : (names.person ?? null)
  }
  if (after.organizationId !== undefined) {
    next.organizationId = after.organizationId
    next.organizationName = after.organizationId === null ? null : (names.organization ?? null)
  }
  if (after.value !== undefined) next.value = after.value
  if (after.expectedCloseDate !== undefined) next.expectedCloseDate = after.expectedCloseDate
  if (after.labelIds !== undefined) next.labelIds = after.labelIds
  if (after.visibleTo !== undefined) next.visibleTo = after.visibleTo
  if (after.wasSeen !== undefined) next.wasSeen = after.wasSeen
  if (after.ownerId !== undefined) {
    next.ownerId = after.ownerId
    next.ownerName = names.users.find((user) => user.id === after.ownerId)?.name ?? null
  }
  if (after.customFields !== undefined) {
    next.customFields = { ...lead.customFields, ...after.customFields }
  }
  return next
}

/** Where Pipedrive shows a lead. */
export const pipedriveLeadUrl = (id: string) =>
  `https://app.pipedrive.com/leads/inbox/${encodeURIComponent(id)}`

export const pipedriveDealUrl = (id: string) =>
  `https://app.pipedrive.com/deal/${encodeURIComponent(id)}`
