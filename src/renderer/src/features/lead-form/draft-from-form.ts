import { leadDraftSchema, type LeadDraft } from '../../../../shared/leads/lead-draft'
import { fieldErrors } from '../../../../shared/result'
import type { ActivityInputs, ContactChoice, CustomField, LeadFormState } from './lead-form-state'

/** Field path (as main and zod name it) → message. */
export type FormErrors = Record<string, string>

export type DraftResult = { ok: true; draft: LeadDraft } | { ok: false; errors: FormErrors }

/** "5 000,50" and "5000.50" both mean 5000.5; anything else is not a number. */
export function parseAmount(text: string): number | undefined {
  const compact = text.trim().replace(/[\s\u00a0']/g, '')
  if (compact === '') return undefined
  const normalized = /^-?\d+,\d{1,2}$/.test(compact) ? compact.replace(',', '.') : compact
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(normalized.replace(/,/g, ''))) return Number.NaN
  return Number(normalized.replace(/,/g, ''))
}

const filled = (text: string) => (text.trim() === '' ? undefined : text.trim())

function contact(choice: ContactChoice, withDetails: boolean): unknown {
  switch (choice.kind) {
    case 'none':
      return undefined
    case 'existing':
      return { kind: 'existing', id: choice.id }
    case 'new':
      return withDetails
        ? {
            kind: 'new',
            name: choice.name,
            ...(filled(choice.email) ? { email: filled(choice.email) } : {}),
            ...(filled(choice.phone) ? { phone: filled(choice.phone) } : {}),
            ...(choice.queuedAs === undefined ? {} : { queuedAs: choice.queuedAs }),
          }
        : { kind: 'new', name: choice.name }
  }
}

/**
 * The next activity, when any of its inputs is filled: then a type and a day are needed, and
 * the schema says so. A subject left empty is the type's name and the lead's title, later.
 */
function nextActivity(inputs: ActivityInputs): unknown {
  const subject = filled(inputs.subject)
  if (!inputs.type && !subject && !inputs.dueDate && !inputs.dueTime) return undefined
  return {
    type: inputs.type,
    dueDate: inputs.dueDate,
    ...(subject ? { subject } : {}),
    ...(inputs.dueTime ? { dueTime: inputs.dueTime } : {}),
  }
}

/** Option ids are numbers in Pipedrive; the catalog may hand them over as strings. */
const optionId = (id: string): number | string => (/^\d+$/.test(id) ? Number(id) : id)

/** Typed custom field values from what was typed; a bad number adds its message to `errors`. */
export function customValues(
  typed: LeadFormState['customFields'],
  fields: readonly CustomField[],
  errors: FormErrors,
): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const field of fields) {
    const raw = typed[field.key]
    if (raw === undefined) continue
    if (Array.isArray(raw)) {
      if (raw.length > 0) values[field.key] = raw.map(optionId)
      continue
    }
    const text = filled(raw)
    if (text === undefined) continue
    switch (field.fieldType) {
      case 'double':
      case 'monetary': {
        const number = parseAmount(text)
        if (number === undefined || Number.isNaN(number)) {
          errors[`customFields.${field.key}`] = 'Use a number like 1500'
          continue
        }
        values[field.key] = number
        if (field.fieldType === 'monetary') {
          values[`${field.key}_currency`] = typed[`${field.key}_currency`] ?? ''
        }
        break
      }
      case 'enum':
        values[field.key] = optionId(text)
        break
      default:
        values[field.key] = text
    }
  }
  return values
}

/**
 * The draft the form describes, checked with the one LeadDraft schema. Unset fields are left
 * out, never sent as null, so Pipedrive applies its own defaults to them.
 */
export function draftFromForm(form: LeadFormState, fields: readonly CustomField[]): DraftResult {
  const errors: FormErrors = {}
  const candidate: Record<string, unknown> = { title: form.title }
  const person = contact(form.person, true)
  if (person) candidate['person'] = person
  const organization = contact(form.organization, false)
  if (organization) candidate['organization'] = organization

  const amount = parseAmount(form.amount)
  if (amount !== undefined) {
    if (Number.isNaN(amount)) errors['value.amount'] = 'Use a number like 5000'
    else candidate['value'] = { amount, currency: form.currency }
  }
  if (form.ownerId !== '') candidate['ownerId'] = Number(form.ownerId)
  if (form.labelIds.length > 0) candidate['labelIds'] = form.labelIds
  if (form.expectedCloseDate !== '') candidate['expectedCloseDate'] = form.expectedCloseDate
  if (form.visibleTo !== '') candidate['visibleTo'] = form.visibleTo
  // Unticked means "not seen", which is also Pipedrive's default: only a tick is sent.
  if (form.wasSeen) candidate['wasSeen'] = true
  const custom = customValues(form.customFields, fields, errors)
  if (Object.keys(custom).length > 0) candidate['customFields'] = custom
  const note = filled(form.note)
  if (note) candidate['note'] = note
  const activity = nextActivity(form.activity)
  if (activity) candidate['activity'] = activity

  const parsed = leadDraftSchema.safeParse(candidate)
  const all = parsed.success ? errors : { ...fieldErrors(parsed.error), ...errors }
  if (Object.keys(all).length > 0) return { ok: false, errors: all }
  return parsed.success ? { ok: true, draft: parsed.data } : { ok: false, errors: all }
}
