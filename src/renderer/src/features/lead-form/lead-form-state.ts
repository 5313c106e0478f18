import { noLeadDefaults, type LeadDefaults } from '../../../../shared/leads/lead-defaults'
import type { InboxContextData } from '../../../../shared/ipc/contract'
import type { visibilityValues } from '../../../../shared/leads/lead-draft'

export type CustomField = InboxContextData['fields'][number]

/** A person or organization as the form holds it: none yet, one from the catalog, or a new one. */
export type ContactChoice =
  | { kind: 'none' }
  | { kind: 'existing'; id: number; name: string }
  | {
      kind: 'new'
      name: string
      email: string
      phone: string
      /** The same person, queued by an earlier lead, as quick add chose: not made twice. */
      queuedAs?: number
    }

export type Visibility = '' | (typeof visibilityValues)[number]

/** The next activity as typed; all empty means none. */
export interface ActivityInputs {
  /** An activity type's key, or '' for none. */
  type: string
  subject: string
  /** `YYYY-MM-DD`, as a date input gives it. */
  dueDate: string
  /** `HH:MM`, or '' for a whole day. */
  dueTime: string
}

export const noActivity: ActivityInputs = { type: '', subject: '', dueDate: '', dueTime: '' }

/** What the inputs hold, as typed: strings until the draft is built from them. */
export interface LeadFormState {
  title: string
  person: ContactChoice
  organization: ContactChoice
  amount: string
  currency: string
  ownerId: string
  labelIds: string[]
  expectedCloseDate: string
  visibleTo: Visibility
  wasSeen: boolean
  /** Field key → text, or option ids for a set; `<key>_currency` for a monetary field. */
  customFields: Record<string, string | string[]>
  note: string
  activity: ActivityInputs
}

/** A new lead's form: empty, but for the defaults the user set in Settings. */
export function emptyLeadForm(
  defaultCurrency: string,
  defaults: LeadDefaults = noLeadDefaults,
): LeadFormState {
  return {
    title: '',
    person: { kind: 'none' },
    organization: { kind: 'none' },
    amount: '',
    currency: defaultCurrency,
    ownerId: defaults.ownerId === null ? '' : String(defaults.ownerId),
    labelIds: defaults.labelId === null ? [] : [defaults.labelId],
    expectedCloseDate: '',
    visibleTo: defaults.visibleTo ?? '',
    wasSeen: false,
    customFields: {},
    note: '',
    activity: noActivity,
  }
}

/** Field types the form offers an input for; the others are left to Pipedrive's own screens. */
export const editableFieldTypes = new Set([
  'varchar',
  'text',
  'double',
  'monetary',
  'date',
  'enum',
  'set',
])

export const formFields = (fields: readonly CustomField[]): CustomField[] =>
  fields.filter((field) => editableFieldTypes.has(field.fieldType))

/** Whether the user has typed or picked anything worth asking about before it is dropped. */
export function isDirty(
  form: LeadFormState,
  defaultCurrency: string,
  defaults: LeadDefaults = noLeadDefaults,
): boolean {
  const empty = emptyLeadForm(defaultCurrency, defaults)
  return (
    JSON.stringify({ ...form, customFields: meaningful(form.customFields) }) !==
    JSON.stringify(empty)
  )
}

function meaningful(values: LeadFormState['customFields']): LeadFormState['customFields'] {
  const kept: LeadFormState['customFields'] = {}
  for (const [key, value] of Object.entries(values)) {
    if (key.endsWith('_currency')) continue
    if (Array.isArray(value) ? value.length > 0 : value.trim() !== '') kept[key] = value
  }
  return kept
}

/** The user's default currency first, then the rest as Pipedrive lists them. */
export function currencyOrder<T extends { code: string }>(currencies: readonly T[], first: string) {
  return [
    ...currencies.filter((currency) => currency.code === first),
    ...currencies.filter((currency) => currency.code !== first),
  ]
}

/** Which touched group an input's message waits for: `person.email` shows once the person was left. */
export const inputGroup = (input: string): string =>
  input.startsWith('customFields.') ? input : (input.split('.')[0] ?? input)
