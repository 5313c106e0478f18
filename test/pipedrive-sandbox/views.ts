// How stored records look on the wire, field for field in the order Pipedrive's examples use.
import { isoMillis, rfc3339, spaced } from './formats'
import type {
  Activity,
  ActivityType,
  Data,
  DealField,
  Lead,
  LeadLabel,
  Note,
  Organization,
  Person,
  User,
} from './store'

export function leadView(lead: Lead): Record<string, unknown> {
  return {
    id: lead.id,
    title: lead.title,
    owner_id: lead.owner_id,
    creator_id: lead.creator_id,
    label_ids: [...lead.label_ids],
    person_id: lead.person_id,
    organization_id: lead.organization_id,
    source_name: lead.source_name,
    origin: lead.origin,
    origin_id: lead.origin_id,
    channel: lead.channel,
    channel_id: lead.channel_id,
    source_deal_id: lead.source_deal_id,
    is_archived: lead.is_archived,
    was_seen: lead.was_seen,
    value: lead.value ? { ...lead.value } : null,
    expected_close_date: lead.expected_close_date,
    next_activity_id: lead.next_activity_id,
    add_time: isoMillis(lead.add_time),
    update_time: isoMillis(lead.update_time),
    visible_to: lead.visible_to,
    cc_email: lead.cc_email,
    // Only custom fields that hold a value appear, as the spec says. Values are primitives.
    ...lead.custom,
  }
}

export function labelView(label: LeadLabel): Record<string, unknown> {
  return {
    id: label.id,
    name: label.name,
    color: label.color,
    add_time: isoMillis(label.add_time),
    update_time: isoMillis(label.update_time),
  }
}

export function userView(user: User, meId: number): Record<string, unknown> {
  return {
    id: user.id,
    name: user.name,
    default_currency: user.default_currency,
    locale: user.locale,
    lang: user.lang,
    email: user.email,
    phone: user.phone,
    activated: user.activated,
    last_login: spaced(user.last_login),
    created: spaced(user.created),
    modified: spaced(user.last_login),
    has_created_company: user.id === meId,
    access: [
      { app: 'sales', admin: user.is_admin, permission_set_id: permissionSet(user, 'sales') },
      { app: 'global', admin: user.is_admin, permission_set_id: permissionSet(user, 'global') },
    ],
    active_flag: user.active_flag,
    timezone_name: user.timezone_name,
    timezone_offset: user.timezone_offset,
    role_id: user.role_id,
    icon_url: user.icon_url,
    is_you: user.id === meId,
    is_deleted: false,
  }
}

function permissionSet(user: User, app: string): string {
  const admin = user.is_admin ? 'a' : 'b'
  return `${app === 'sales' ? '62cc4d7f' : '233b7976'}-4038-4352-${admin}bf3-a8c1c822b631`
}

export function currentUserView(data: Data, user: User): Record<string, unknown> {
  return {
    ...userView(user, data.meId),
    company_id: data.company.id,
    company_name: data.company.name,
    company_domain: data.company.domain,
    company_country: data.company.country,
    company_industry: data.company.industry,
    language: { language_code: user.locale.slice(0, 2), country_code: user.locale.slice(3) },
  }
}

export function fieldView(
  field: DealField,
  orderNr: number,
  meId: number,
): Record<string, unknown> {
  return {
    id: field.id,
    key: field.key,
    name: field.name,
    order_nr: orderNr,
    field_type: field.field_type,
    add_time: spaced(field.add_time),
    update_time: spaced(field.add_time),
    last_updated_by_user_id: meId,
    created_by_user_id: meId,
    active_flag: true,
    edit_flag: field.custom,
    index_visible_flag: true,
    details_visible_flag: true,
    add_visible_flag: field.custom || field.mandatory,
    important_flag: false,
    bulk_edit_allowed: true,
    searchable_flag: field.custom && searchableTypes.has(field.field_type),
    filtering_allowed: true,
    sortable_flag: true,
    options: field.options ? field.options.map((o) => ({ ...o })) : null,
    mandatory_flag: field.mandatory,
  }
}

/** Custom field types the search endpoints look into (v2 persons/search description). */
export const searchableTypes = new Set([
  'address',
  'varchar',
  'text',
  'varchar_auto',
  'double',
  'monetary',
  'phone',
])

export function personView(person: Person): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: person.id,
    name: person.name,
    first_name: person.first_name,
    last_name: person.last_name,
    owner_id: person.owner_id,
    org_id: person.org_id,
    add_time: rfc3339(person.add_time),
    update_time: rfc3339(person.update_time),
    emails: person.emails.map((e) => ({ ...e })),
    phones: person.phones.map((p) => ({ ...p })),
    is_deleted: person.is_deleted,
    visible_to: person.visible_to,
    label_ids: [...person.label_ids],
    picture_id: person.picture_id,
    custom_fields: structuredClone(person.custom_fields),
  }
  if (person.job_title !== undefined) view.job_title = person.job_title
  if (person.notes !== undefined) view.notes = person.notes
  return view
}

export function organizationView(org: Organization): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: org.id,
    name: org.name,
    owner_id: org.owner_id,
    add_time: rfc3339(org.add_time),
    update_time: rfc3339(org.update_time),
    is_deleted: org.is_deleted,
    visible_to: org.visible_to,
    label_ids: [...org.label_ids],
    website: org.website,
    linkedin: org.linkedin,
    industry: org.industry,
    annual_revenue: org.annual_revenue,
    employee_count: org.employee_count,
    custom_fields: structuredClone(org.custom_fields),
  }
  if (org.address) view.address = { ...org.address }
  return view
}

export function noteView(note: Note, data: Data): Record<string, unknown> {
  const user = data.users.find((u) => u.id === note.user_id)
  const person = note.person_id === null ? undefined : data.persons.get(note.person_id)
  const org = note.org_id === null ? undefined : data.organizations.get(note.org_id)
  return {
    id: note.id,
    active_flag: true,
    add_time: spaced(note.add_time),
    content: note.content,
    deal: null,
    lead_id: note.lead_id,
    deal_id: note.deal_id,
    last_update_user_id: note.user_id,
    org_id: note.org_id,
    organization: org ? { name: org.name } : null,
    person: person ? { name: person.name } : null,
    person_id: note.person_id,
    project_id: null,
    project: null,
    task_id: null,
    task: null,
    pinned_to_lead_flag: note.pinned_to_lead_flag,
    pinned_to_deal_flag: false,
    pinned_to_organization_flag: false,
    pinned_to_person_flag: false,
    pinned_to_project_flag: false,
    pinned_to_task_flag: false,
    update_time: spaced(note.update_time),
    user: user
      ? {
          email: user.email,
          icon_url: user.icon_url ?? '',
          is_you: user.id === data.meId,
          name: user.name,
        }
      : null,
    user_id: note.user_id,
  }
}

/** v1 activity types print times like users and notes do. */
export function activityTypeView(type: ActivityType): Record<string, unknown> {
  return {
    id: type.id,
    order_nr: type.order_nr,
    name: type.name,
    key_string: type.key_string,
    icon_key: type.icon_key,
    active_flag: type.active_flag,
    color: type.color ?? 'FFFFFF',
    is_custom_flag: type.is_custom_flag,
    add_time: spaced(type.add_time),
    update_time: spaced(type.update_time),
  }
}

/** v2 activities: RFC 3339 times in whole seconds; what is not set is null. */
export function activityView(activity: Activity): Record<string, unknown> {
  const primary = activity.participants.find((p) => p.primary)
  return {
    id: activity.id,
    subject: activity.subject,
    type: activity.type,
    owner_id: activity.owner_id,
    creator_user_id: activity.creator_user_id,
    is_deleted: activity.is_deleted,
    add_time: rfc3339(activity.add_time),
    update_time: rfc3339(activity.update_time),
    deal_id: activity.deal_id,
    lead_id: activity.lead_id,
    // The primary participant, as the list's person_id filter reads it.
    person_id: primary?.person_id ?? null,
    org_id: activity.org_id,
    project_id: null,
    due_date: activity.due_date,
    due_time: activity.due_time,
    duration: activity.duration,
    busy: activity.busy,
    done: activity.done,
    marked_as_done_time:
      activity.marked_as_done_time === null ? null : rfc3339(activity.marked_as_done_time),
    location: null,
    participants: activity.participants.map((p) => ({ ...p })),
    conference_meeting_client: null,
    conference_meeting_url: null,
    conference_meeting_id: null,
    public_description: activity.public_description,
    priority: activity.priority,
    note: activity.note,
  }
}
