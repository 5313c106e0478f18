import type { InboxLead } from '../../../../shared/ipc/contract'
import { leadLabelColors } from '../../../../shared/leads/lead-label'

// One formatter per currency: building Intl formatters is the slow part of formatting.
const moneyFormats = new Map<string, Intl.NumberFormat>()

/** "€25,000.00" in the OS locale, in the lead's own currency. */
export function formatValue(value: InboxLead['value'], locale?: string): string {
  if (!value) return ''
  const key = `${locale ?? ''}/${value.currency}`
  let format = moneyFormats.get(key)
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency: value.currency })
    } catch {
      // A currency code Intl does not know (a crypto "coin", say): the number and the code.
      return `${new Intl.NumberFormat(locale).format(value.amount)} ${value.currency}`
    }
    moneyFormats.set(key, format)
  }
  return format.format(value.amount)
}

const dateFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * A calendar day (YYYY-MM-DD) in the OS locale. Read as UTC and shown as UTC, so the day
 * stays the day whatever the time zone.
 */
export function formatDay(day: string | null, locale?: string): string {
  if (!day) return ''
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!match) return day
  const key = locale ?? ''
  let format = dateFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
    dateFormats.set(key, format)
  }
  return format.format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
}

/** Who the lead is about: the person, the organization, or both. */
export function contactName(lead: Pick<InboxLead, 'personName' | 'organizationName'>): string {
  return [lead.personName, lead.organizationName].filter(Boolean).join(' · ')
}

/** Pipedrive's label colors; anything else is drawn gray. */
const labelColors = new Set<string>(leadLabelColors)

export function labelColor(color: string): string {
  return labelColors.has(color) ? color : 'gray'
}
