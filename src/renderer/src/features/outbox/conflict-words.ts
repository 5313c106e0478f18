/** A lead field's name in words, for the conflict picker. */
export const fieldWords: Record<string, string> = {
  title: 'Title',
  personId: 'Person',
  organizationId: 'Organization',
  value: 'Value',
  ownerId: 'Owner',
  labelIds: 'Labels',
  expectedCloseDate: 'Expected close date',
  visibleTo: 'Visibility',
  wasSeen: 'Seen',
  customFields: 'Custom fields',
}

const money = (amount: number, currency: string) => {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount)
  } catch {
    return `${amount} ${currency}`
  }
}

/** One side of a conflict, as a person reads it. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)'
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  if (Array.isArray(value))
    return value.length === 0 ? '(none)' : value.map(describeValue).join(', ')
  if (typeof value === 'object') {
    const { amount, currency } = value as { amount?: unknown; currency?: unknown }
    if (typeof amount === 'number' && typeof currency === 'string') return money(amount, currency)
    return Object.entries(value)
      .map(([key, inner]) => `${key}: ${describeValue(inner)}`)
      .join('; ')
  }
  return String(value)
}
