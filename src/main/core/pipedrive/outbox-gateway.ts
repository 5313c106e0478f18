import type { LeadValue } from '../../../shared/leads/lead-draft'

/**
 * What the sync engine needs from Pipedrive, in Pipedrive's own field names. The Pipedrive
 * client implements it; every method throws a PipedriveFailure when the request fails.
 */
export interface OutboxGateway {
  /** POST /api/v1/leads (201). `origin_id` carries the outbox row's client UUID. */
  addLead(body: AddLeadBody): Promise<RemoteLead>
  /** PATCH /api/v1/leads/{id}. */
  updateLead(id: string, body: UpdateLeadBody): Promise<RemoteLead>
  /** DELETE /api/v1/leads/{id}. */
  deleteLead(id: string): Promise<void>
  /** GET /api/v1/leads/{id}. */
  getLead(id: string): Promise<RemoteLead>
  /** Every page of GET /api/v1/leads with these filters (both pagination shapes handled). */
  listLeads(query: {
    person_id?: number
    organization_id?: number
    owner_id?: number
    updated_since?: string
  }): Promise<RemoteLead[]>
  /** Every page of GET /api/v1/leads/archived with these filters (it has no updated_since). */
  listArchivedLeads(query: { person_id?: number; organization_id?: number }): Promise<RemoteLead[]>
  /** POST /api/v2/persons. */
  addPerson(body: AddPersonBody): Promise<{ id: number; name: string }>
  /** POST /api/v2/organizations. */
  addOrganization(body: { name: string }): Promise<{ id: number; name: string }>
  /**
   * Every page of GET /api/v2/persons changed since a time: a listing, consistent right
   * after a write (search lags behind).
   */
  listPersons(query: { updated_since: string }): Promise<RemoteContact[]>
  /** Every page of GET /api/v2/organizations changed since a time. */
  listOrganizations(query: { updated_since: string }): Promise<RemoteContact[]>
  /** Every page of GET /api/v1/notes of one lead (changed since a time, when given). */
  listNotes(query: { lead_id: string; updated_since?: string }): Promise<RemoteNote[]>
  /** POST /api/v1/notes with lead_id. */
  addNote(body: { content: string; lead_id: string }): Promise<{ id: number }>
  /**
   * Every page of GET /api/v2/activities of one lead changed since a time: a listing,
   * consistent right after a write.
   */
  listActivities(query: { lead_id: string; updated_since?: string }): Promise<RemoteActivity[]>
  /** POST /api/v2/activities. */
  addActivity(body: AddActivityBody): Promise<{ id: number }>
  /** PATCH /api/v2/activities/{id} with `done`. */
  markActivityDone(id: number): Promise<void>
  /** POST /api/v2/leads/{id}/convert/deal: starts Pipedrive's conversion job. */
  convertLead(id: string): Promise<{ conversionId: string }>
  /** GET /api/v2/leads/{id}/convert/status/{conversion_id}. */
  conversionStatus(id: string, conversionId: string): Promise<ConversionStatus>
  /** The same gateway, every request of which is cut off when `signal` aborts. */
  bound(signal: AbortSignal): OutboxGateway
  /** Pipedrive's clock minus ours, once an answer has told; null before. */
  serverClockOffsetMs(): number | null
}

/** A person or organization as a lookup compares it; times are epoch ms by Pipedrive's clock. */
export interface RemoteContact {
  id: number
  name: string
  emails: string[]
  phones: string[]
  addTime: number
}

export interface RemoteNote {
  id: number
  content: string
  leadId: string | null
  addTime: number
}

export interface RemoteActivity {
  id: number
  subject: string
  /** The activity type's key. */
  type: string
  leadId: string | null
  dueDate: string | null
  /** `HH:MM`, as Leadbox writes it (Pipedrive answers `HH:MM:SS`). */
  dueTime: string | null
  done: boolean
  addTime: number
}

export interface AddActivityBody {
  subject: string
  type: string
  lead_id: string
  due_date: string
  due_time?: string
  participants?: Array<{ person_id: number; primary: boolean }>
}

export interface ConversionStatus {
  status: 'not_started' | 'running' | 'completed' | 'failed' | 'rejected'
  /** Only once the conversion completed. */
  dealId?: number
}

export interface AddLeadBody {
  title: string
  owner_id?: number
  label_ids?: string[]
  person_id?: number
  organization_id?: number
  value?: LeadValue
  expected_close_date?: string
  visible_to?: '1' | '3' | '5' | '7'
  was_seen?: boolean
  origin_id: string
  /** Custom field hash keys, flat as Pipedrive takes them. */
  [customField: string]: unknown
}

export type UpdateLeadBody = Partial<Omit<AddLeadBody, 'origin_id'>> & { is_archived?: boolean }

export interface AddPersonBody {
  name: string
  emails?: Array<{ value: string; primary: boolean; label?: string }>
  phones?: Array<{ value: string; primary: boolean; label?: string }>
  org_id?: number
}

/** The Lead object of GET /api/v1/leads/{id}, as much as the app reads. */
export interface RemoteLead {
  id: string
  title: string
  owner_id: number
  creator_id: number
  label_ids: string[]
  person_id: number | null
  organization_id: number | null
  origin_id: string | null
  is_archived: boolean
  was_seen: boolean
  value: LeadValue | null
  expected_close_date: string | null
  visible_to: string
  add_time: string
  update_time: string
  [customField: string]: unknown
}
