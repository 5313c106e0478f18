import type { InboxLead, InboxPage, OutboxItem } from '../../../../shared/ipc/contract'
import { pendingLeads } from '../inbox/pending-leads'
import { rankByMatch } from './palette-match'

/** A lead the palette can find: one of Pipedrive's, or one still waiting to sync. */
export type LeadChoice =
  { kind: 'lead'; lead: InboxLead } | { kind: 'pending'; row: OutboxItem; names: string[] }

/** How many leads the palette lists at most: the rest is for the inbox's own search. */
export const leadsShown = 8

/** Every lead in the inbox pages read so far, once each. */
export function cachedLeads(pages: readonly (InboxPage | undefined)[]): InboxLead[] {
  const byId = new Map<string, InboxLead>()
  for (const page of pages) {
    for (const lead of page?.items ?? []) if (!byId.has(lead.id)) byId.set(lead.id, lead)
  }
  return [...byId.values()]
}

/** Leads waiting to sync, with the names of the new person and organization they bring. */
export function pendingChoices(rows: readonly OutboxItem[]): LeadChoice[] {
  const byId = new Map(rows.map((row) => [row.id, row]))
  return pendingLeads(rows).map(({ row }) => ({
    kind: 'pending',
    row,
    names: row.dependsOn.flatMap((id) => {
      const contact = byId.get(id)
      return contact && contact.kind !== 'lead.create' ? [contact.title] : []
    }),
  }))
}

/** The leads whose title, person or organization fit what is typed; none before typing. */
export function findLeads(
  query: string,
  leads: readonly InboxLead[],
  pending: readonly LeadChoice[],
): LeadChoice[] {
  if (query.trim() === '') return []
  const choices: LeadChoice[] = [
    ...pending,
    ...leads.map((lead): LeadChoice => ({ kind: 'lead', lead })),
  ]
  return rankByMatch(choices, query, (choice) =>
    choice.kind === 'pending'
      ? { name: choice.row.title, otherWords: choice.names }
      : {
          name: choice.lead.title,
          otherWords: [choice.lead.personName ?? '', choice.lead.organizationName ?? ''],
        },
  ).slice(0, leadsShown)
}

/** What the palette says beside a lead: who it is with, and where it stands. */
export function leadDetail(choice: LeadChoice): string {
  if (choice.kind === 'pending') return [...choice.names, 'waiting to sync'].join(' · ')
  const { personName, organizationName, isArchived } = choice.lead
  const parts = [personName, organizationName].filter((part): part is string => Boolean(part))
  if (isArchived) parts.push('archived')
  return parts.join(' · ')
}
