import type { OutboxItem } from '../../../../shared/ipc/contract'

/** The lead's latest conversion to a deal made here, unless the user discarded it. */
export function conversionOf(rows: readonly OutboxItem[], leadId: string): OutboxItem | null {
  let latest: OutboxItem | null = null
  for (const row of rows) {
    if (row.kind !== 'lead.convert' || row.state === 'cancelled') continue
    if (!row.lead || !('remoteId' in row.lead) || row.lead.remoteId !== leadId) continue
    if (!latest || row.id > latest.id) latest = row
  }
  return latest
}

export type ConversionStep =
  | { step: 'waiting'; words: string }
  | { step: 'refused'; words: string }
  | { step: 'done'; dealId: string | null; words: string }

/** Where a conversion is, in words for the lead's pane. */
export function conversionStep(row: OutboxItem): ConversionStep {
  switch (row.state) {
    case 'sent':
      return {
        step: 'done',
        dealId: row.remoteId,
        words: row.remoteId ? `Converted to deal ${row.remoteId}.` : 'Converted to a deal.',
      }
    case 'needs_attention':
      return {
        step: 'refused',
        words: `Pipedrive did not convert it: ${row.lastError ?? 'no reason given'}`,
      }
    case 'queued':
    case 'sending':
    case 'uncertain':
    case 'cancelled':
      return {
        step: 'waiting',
        words:
          row.attempts > 0
            ? 'Converting to a deal in Pipedrive…'
            : 'Converting to a deal — it goes to Pipedrive as soon as Leadbox can reach it.',
      }
  }
}
