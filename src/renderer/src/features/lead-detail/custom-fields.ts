import type { InboxContextData, InboxLead } from '../../../../shared/ipc/contract'
import { formatDay, formatValue } from '../inbox/lead-format'

type Field = InboxContextData['fields'][number]

export interface ShownField {
  key: string
  name: string
  value: string
}

const optionLabel = (field: Field, id: unknown) =>
  field.options?.find((option) => String(option.id) === String(id))?.label ?? String(id)

function shown(field: Field, raw: unknown, all: InboxLead['customFields']): string {
  switch (field.fieldType) {
    case 'enum':
      return optionLabel(field, raw)
    case 'set': {
      // Pipedrive gives a set as "301,303" or as an array, depending on the API version.
      const ids = Array.isArray(raw) ? raw : String(raw).split(',')
      return ids
        .map((id) => String(id).trim())
        .filter(Boolean)
        .map((id) => optionLabel(field, id))
        .join(', ')
    }
    case 'monetary': {
      const currency = all[`${field.key}_currency`]
      return typeof raw === 'number' && typeof currency === 'string'
        ? formatValue({ amount: raw, currency })
        : String(raw)
    }
    case 'date':
      return typeof raw === 'string' ? formatDay(raw) : String(raw)
    default:
      return typeof raw === 'object' ? JSON.stringify(raw) : String(raw)
  }
}

/**
 * A lead's custom fields with their names and, for options, their labels, in the order the
 * catalog lists the fields. Empty values and keys the catalog does not know are left out.
 */
export function customFieldsOf(
  lead: Pick<InboxLead, 'customFields'>,
  fields: readonly Field[],
): ShownField[] {
  const result: ShownField[] = []
  for (const field of fields) {
    const raw = lead.customFields[field.key]
    if (raw === undefined || raw === null || raw === '') continue
    result.push({ key: field.key, name: field.name, value: shown(field, raw, lead.customFields) })
  }
  return result
}
