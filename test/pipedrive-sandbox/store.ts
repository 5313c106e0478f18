// The sandbox's in-memory company: everything a reset puts back to the seed.
import type { SearchIndex } from './search-index'

export interface User {
  id: number
  name: string
  email: string
  phone: string | null
  default_currency: string
  locale: string
  lang: number
  activated: boolean
  active_flag: boolean
  is_admin: boolean
  created: number
  last_login: number
  role_id: number
  timezone_name: string
  timezone_offset: string
  icon_url: string | null
}

export interface Company {
  id: number
  name: string
  domain: string
  country: string
  industry: string
}

export interface Currency {
  id: number
  code: string
  name: string
  decimal_points: number
  symbol: string
  active_flag: boolean
  is_custom_flag: boolean
}

export type LabelColor =
  | 'blue'
  | 'brown'
  | 'dark-gray'
  | 'gray'
  | 'green'
  | 'orange'
  | 'pink'
  | 'purple'
  | 'red'
  | 'yellow'

export interface LeadLabel {
  id: string
  name: string
  color: LabelColor
  add_time: number
  update_time: number
}

export type FieldType =
  | 'address'
  | 'date'
  | 'daterange'
  | 'double'
  | 'enum'
  | 'monetary'
  | 'org'
  | 'people'
  | 'phone'
  | 'set'
  | 'text'
  | 'time'
  | 'timerange'
  | 'user'
  | 'varchar'
  | 'varchar_auto'
  | 'visible_to'

export interface FieldOption {
  /** Numeric for deal fields; lead labels (offered on the lead-fields list) use their UUID. */
  id: number | string
  label: string
}

export interface DealField {
  id: number
  key: string
  name: string
  field_type: FieldType
  options: FieldOption[] | null
  /** Custom fields carry 40-char hash keys and can be set on leads. */
  custom: boolean
  /** Whether the lead-fields list includes it (leads inherit custom deal fields). */
  on_leads: boolean
  mandatory: boolean
  add_time: number
}

export interface Money {
  amount: number
  currency: string
}

export interface Lead {
  id: string
  title: string
  owner_id: number
  creator_id: number
  label_ids: string[]
  person_id: number | null
  organization_id: number | null
  source_name: string
  origin: string
  origin_id: string | null
  channel: number | null
  channel_id: string | null
  source_deal_id: number | null
  is_archived: boolean
  was_seen: boolean
  value: Money | null
  expected_close_date: string | null
  next_activity_id: number | null
  add_time: number
  update_time: number
  visible_to: '1' | '3' | '5' | '7'
  cc_email: string
  /** Custom field values by hash key, monetary currencies under `<key>_currency`. */
  custom: Record<string, unknown>
}

export interface ContactDetail {
  value: string
  primary: boolean
  label: string
}

export interface Address {
  value: string
  country?: string
  locality?: string
  postal_code?: string
  route?: string
  street_number?: string
}

export interface Person {
  id: number
  name: string
  first_name: string
  last_name: string
  owner_id: number
  org_id: number | null
  emails: ContactDetail[]
  phones: ContactDetail[]
  visible_to: number
  label_ids: number[]
  picture_id: number | null
  job_title?: string
  notes?: string
  marketing_status?: string
  custom_fields: Record<string, unknown>
  add_time: number
  update_time: number
  is_deleted: boolean
}

export interface Organization {
  id: number
  name: string
  owner_id: number
  visible_to: number
  label_ids: number[]
  address: Address | null
  website: string | null
  linkedin: string | null
  industry: number | null
  annual_revenue: number | null
  employee_count: number | null
  custom_fields: Record<string, unknown>
  add_time: number
  update_time: number
  is_deleted: boolean
}

export interface Note {
  id: number
  content: string
  lead_id: string | null
  deal_id: number | null
  person_id: number | null
  org_id: number | null
  user_id: number
  pinned_to_lead_flag: boolean
  add_time: number
  update_time: number
}

export interface ActivityType {
  id: number
  name: string
  key_string: string
  icon_key: string
  color: string | null
  order_nr: number
  active_flag: boolean
  is_custom_flag: boolean
  add_time: number
  update_time: number
}

export interface Participant {
  person_id: number
  primary: boolean
}

export interface Activity {
  id: number
  subject: string
  /** An activity type's key_string. */
  type: string
  owner_id: number
  creator_user_id: number
  is_deleted: boolean
  add_time: number
  update_time: number
  deal_id: number | null
  lead_id: string | null
  org_id: number | null
  /** YYYY-MM-DD, HH:MM:SS and HH:MM:SS, as printed. */
  due_date: string | null
  due_time: string | null
  duration: string | null
  busy: boolean
  done: boolean
  marked_as_done_time: number | null
  participants: Participant[]
  public_description: string | null
  priority: number | null
  note: string | null
}

export type ConversionStatus = 'not_started' | 'running' | 'completed' | 'failed' | 'rejected'

export interface Conversion {
  conversion_id: string
  lead_id: string
  status: ConversionStatus
  deal_id: number | null
  started_at: number
  polls: number
}

export interface Data {
  company: Company
  meId: number
  users: User[]
  currencies: Currency[]
  dealFields: DealField[]
  leadLabels: Map<string, LeadLabel>
  leads: Map<string, Lead>
  /** Deleted and converted leads, kept for introspection only. */
  removedLeads: Map<string, Lead & { removed: 'deleted' | 'converted' }>
  persons: Map<number, Person>
  organizations: Map<number, Organization>
  notes: Map<number, Note>
  activityTypes: ActivityType[]
  activities: Map<number, Activity>
  conversions: Map<string, Conversion>
  nextId: {
    person: number
    organization: number
    note: number
    deal: number
    activity: number
  }
  /** What the search endpoints see: copies of the records, behind by the index lag. */
  searchIndex: SearchIndex
}
