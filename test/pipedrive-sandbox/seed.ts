import { seedIndex } from './search-index'
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

// Fixed ids so tests and the app's fixtures can refer to seeded records by name.
export const seedIds = {
  company: 7420017,
  me: 2001,
  colleagues: [2002, 2003],
  deactivatedUser: 2004,
  labels: {
    hot: 'f08b42a0-4e75-11ea-9643-03698ef1cfd6',
    warm: 'f08b42a1-4e75-11ea-9643-03698ef1cfd6',
    cold: 'f08b42a2-4e75-11ea-9643-03698ef1cfd6',
  },
  fields: {
    leadReference: '8f3c1a2b4d5e6f708192a3b4c5d6e7f801234567',
    meetingNotes: '1d2c3b4a59687f6e5d4c3b2a1908f7e6d5c4b3a2',
    fleetSize: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0',
    budget: 'dcf558aac1ae4e8c4f849ba5e668430d8df9be12',
    followUpDate: '5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f',
    segment: '9dc80c50d78a15643bfc4ca79d76156a73a1ca0e',
    products: 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00',
  },
  options: {
    segment: { wholesale: 190, retail: 191, government: 192 },
    products: { trucks: 301, vans: 302, leasing: 303, service: 304 },
    channel: { webForm: 52, tradeFair: 53, referral: 54 },
  },
  persons: { maria: 1001, tom: 1002, lena: 1003, john: 1004 },
  organizations: { acme: 501, blueRiver: 502, contoso: 503 },
  leads: {
    acmeFleet: '3a1f6c2e-7b4d-4e8a-9c1d-2f3e4a5b6c7d',
    blueRiver: '4b2a7d3f-8c5e-4f9b-8d2e-3a4f5b6c7d8e',
    lena: '5c3b8e4a-9d6f-4a0c-9e3f-4b5a6c7d8e9f',
    archived: '6d4c9f5b-0e7a-4b1d-8f4a-5c6b7d8e9fa0',
  },
  note: 1,
  activityTypes: { call: 1, meeting: 2, task: 3, deadline: 4, email: 5, lunch: 6 },
  activities: { callMaria: 1, sentBrochure: 2 },
} as const

const day = 86_400_000

function users(start: number): User[] {
  const base = {
    default_currency: 'EUR',
    locale: 'en_US',
    lang: 1,
    activated: true,
    active_flag: true,
    is_admin: false,
    role_id: 1,
    timezone_name: 'Europe/Berlin',
    timezone_offset: '+01:00',
    icon_url: null,
    phone: null,
    created: start - 400 * day,
    last_login: start - day,
  }
  return [
    {
      ...base,
      id: seedIds.me,
      name: 'Alex Morgan',
      email: 'alex.morgan@northwind-trading.example',
      phone: '+49 30 1234567',
      is_admin: true,
    },
    {
      ...base,
      id: 2002,
      name: 'Sam Rivera',
      email: 'sam.rivera@northwind-trading.example',
      role_id: 2,
    },
    {
      ...base,
      id: 2003,
      name: 'Jordan Lee',
      email: 'jordan.lee@northwind-trading.example',
      locale: 'en_GB',
      timezone_name: 'Europe/London',
      timezone_offset: '+00:00',
      role_id: 2,
    },
    {
      ...base,
      id: seedIds.deactivatedUser,
      name: 'Priya Shah',
      email: 'priya.shah@northwind-trading.example',
      active_flag: false,
      role_id: 2,
    },
  ]
}

const currencies = [
  { id: 1, code: 'EUR', name: 'Euro', decimal_points: 2, symbol: '€' },
  { id: 2, code: 'USD', name: 'US Dollar', decimal_points: 2, symbol: '$' },
  { id: 3, code: 'GBP', name: 'British Pound', decimal_points: 2, symbol: '£' },
  { id: 4, code: 'CHF', name: 'Swiss Franc', decimal_points: 2, symbol: 'CHF' },
  { id: 5, code: 'SEK', name: 'Swedish Krona', decimal_points: 2, symbol: 'kr' },
  { id: 6, code: 'JPY', name: 'Japanese Yen', decimal_points: 0, symbol: '¥' },
  { id: 7, code: 'KWD', name: 'Kuwaiti Dinar', decimal_points: 3, symbol: 'KD' },
].map((c) => ({ ...c, active_flag: true, is_custom_flag: false }))

function dealFields(start: number): DealField[] {
  const at = start - 300 * day
  const system = (
    id: number,
    key: string,
    name: string,
    field_type: DealField['field_type'],
    extra: Partial<DealField> = {},
  ): DealField => ({
    id,
    key,
    name,
    field_type,
    options: null,
    custom: false,
    on_leads: false,
    mandatory: false,
    add_time: at,
    ...extra,
  })
  const custom = (
    id: number,
    key: string,
    name: string,
    field_type: DealField['field_type'],
    options: DealField['options'] = null,
  ): DealField => ({ ...system(id, key, name, field_type), options, custom: true, on_leads: true })
  const { fields, options } = seedIds
  return [
    system(1, 'id', 'ID', 'double'),
    system(2, 'title', 'Title', 'varchar', { mandatory: true }),
    system(3, 'creator_user_id', 'Creator', 'user'),
    system(4, 'user_id', 'Owner', 'user'),
    system(5, 'value', 'Value', 'monetary'),
    system(6, 'currency', 'Currency', 'varchar_auto'),
    system(7, 'org_id', 'Organization', 'org'),
    system(8, 'person_id', 'Contact person', 'people'),
    system(9, 'expected_close_date', 'Expected close date', 'date'),
    system(10, 'add_time', 'Deal created', 'date'),
    system(11, 'update_time', 'Update time', 'date'),
    system(12, 'visible_to', 'Visible to', 'visible_to'),
    system(13, 'channel', 'Source channel', 'enum', {
      options: [
        { id: options.channel.webForm, label: 'Web form' },
        { id: options.channel.tradeFair, label: 'Trade fair' },
        { id: options.channel.referral, label: 'Referral' },
      ],
    }),
    system(14, 'channel_id', 'Source channel ID', 'varchar'),
    system(15, 'origin_id', 'Source origin ID', 'varchar'),
    custom(40, fields.leadReference, 'Lead reference', 'varchar'),
    custom(41, fields.meetingNotes, 'Meeting notes', 'text'),
    custom(42, fields.fleetSize, 'Fleet size', 'double'),
    custom(43, fields.budget, 'Budget', 'monetary'),
    custom(44, fields.followUpDate, 'Follow-up date', 'date'),
    custom(45, fields.segment, 'Customer segment', 'enum', [
      { id: options.segment.wholesale, label: 'Wholesale' },
      { id: options.segment.retail, label: 'Retail' },
      { id: options.segment.government, label: 'Government' },
    ]),
    custom(46, fields.products, 'Products of interest', 'set', [
      { id: options.products.trucks, label: 'Trucks' },
      { id: options.products.vans, label: 'Vans' },
      { id: options.products.leasing, label: 'Leasing' },
      { id: options.products.service, label: 'Service contract' },
    ]),
  ]
}

function labels(start: number): LeadLabel[] {
  const at = start - 300 * day
  return [
    { id: seedIds.labels.hot, name: 'Hot', color: 'red', add_time: at, update_time: at },
    { id: seedIds.labels.warm, name: 'Warm', color: 'yellow', add_time: at, update_time: at },
    { id: seedIds.labels.cold, name: 'Cold', color: 'blue', add_time: at, update_time: at },
  ]
}

function contact(
  value: string,
  label = 'work',
): { value: string; primary: boolean; label: string } {
  return { value, primary: true, label }
}

function organizations(start: number): Organization[] {
  const base = {
    owner_id: seedIds.me,
    visible_to: 3,
    label_ids: [],
    website: null,
    linkedin: null,
    industry: null,
    annual_revenue: null,
    employee_count: null,
    custom_fields: {},
    is_deleted: false,
    add_time: start - 90 * day,
    update_time: start - 30 * day,
  }
  return [
    {
      ...base,
      id: seedIds.organizations.acme,
      name: 'Acme Logistics GmbH',
      address: {
        value: 'Hafenstraße 12, 20457 Hamburg, Germany',
        country: 'Germany',
        locality: 'Hamburg',
        postal_code: '20457',
        route: 'Hafenstraße',
        street_number: '12',
      },
      website: 'https://acme-logistics.example',
      employee_count: 240,
    },
    {
      ...base,
      id: seedIds.organizations.blueRiver,
      name: 'Blue River Foods',
      address: { value: '200 Riverside Drive, Leeds, United Kingdom', country: 'United Kingdom' },
      owner_id: 2002,
    },
    { ...base, id: seedIds.organizations.contoso, name: 'Contoso Ltd', address: null },
  ]
}

function persons(start: number): Person[] {
  const base = {
    owner_id: seedIds.me,
    visible_to: 3,
    label_ids: [],
    picture_id: null,
    custom_fields: {},
    is_deleted: false,
    add_time: start - 60 * day,
    update_time: start - 20 * day,
  }
  const { persons: p, organizations: o } = seedIds
  return [
    {
      ...base,
      id: p.maria,
      name: 'Maria Schmidt',
      first_name: 'Maria',
      last_name: 'Schmidt',
      org_id: o.acme,
      emails: [contact('maria.schmidt@acme-logistics.example')],
      phones: [contact('+49 40 5550101')],
      job_title: 'Fleet Manager',
    },
    {
      ...base,
      id: p.tom,
      name: 'Tom Becker',
      first_name: 'Tom',
      last_name: 'Becker',
      org_id: o.blueRiver,
      emails: [
        contact('tom@blueriverfoods.example'),
        { ...contact('tom.b@mail.example', 'home'), primary: false },
      ],
      phones: [],
      owner_id: 2002,
    },
    {
      ...base,
      id: p.lena,
      name: 'Lena Fischer',
      first_name: 'Lena',
      last_name: 'Fischer',
      org_id: null,
      emails: [contact('lena.fischer@mail.example', 'home')],
      phones: [contact('+49 151 5550199', 'mobile')],
    },
    {
      ...base,
      id: p.john,
      name: 'John Appleseed',
      first_name: 'John',
      last_name: 'Appleseed',
      org_id: o.contoso,
      emails: [contact('john.appleseed@contoso.example')],
      phones: [contact('+44 20 7946 0958')],
    },
  ]
}

function leads(start: number, companyDomain: string): Lead[] {
  const { leads: l, persons: p, organizations: o, labels: lb, fields: f, options } = seedIds
  const base = {
    owner_id: seedIds.me,
    creator_id: seedIds.me,
    source_name: 'Manually created',
    origin: 'ManuallyCreated',
    origin_id: null,
    channel: null,
    channel_id: null,
    source_deal_id: null,
    is_archived: false,
    was_seen: true,
    value: null,
    expected_close_date: null,
    next_activity_id: null,
    visible_to: '3' as const,
    custom: {},
  }
  const cc = (suffix: string) =>
    `${companyDomain}+${seedIds.company}+lead${suffix}@pipedrivemail.com`
  return [
    {
      ...base,
      id: l.acmeFleet,
      title: 'Acme Logistics – fleet renewal',
      label_ids: [lb.hot],
      person_id: p.maria,
      organization_id: o.acme,
      value: { amount: 25000, currency: 'EUR' },
      expected_close_date: '2027-03-31',
      channel: options.channel.tradeFair,
      next_activity_id: seedIds.activities.callMaria,
      add_time: start - 14 * day,
      update_time: start - 2 * day,
      cc_email: cc('ntPaYKA5QRxXkh6WMNHiGh'),
      custom: {
        [f.leadReference]: 'LBX-SEED-0001',
        [f.fleetSize]: 42,
        [f.budget]: 30000,
        [`${f.budget}_currency`]: 'EUR',
        [f.followUpDate]: '2027-01-15',
        [f.segment]: options.segment.wholesale,
        [f.products]: `${options.products.trucks},${options.products.leasing}`,
        [f.meetingNotes]: 'Met at the Hamburg trade fair; wants 12 electric vans.',
      },
    },
    {
      ...base,
      id: l.blueRiver,
      title: 'Blue River Foods – cold storage',
      owner_id: 2002,
      label_ids: [lb.warm],
      person_id: null,
      organization_id: o.blueRiver,
      add_time: start - 10 * day,
      update_time: start - 10 * day,
      cc_email: cc('Qm3VbT7yHcR2uWx9LkPz4a'),
    },
    {
      ...base,
      id: l.lena,
      title: 'Lena Fischer – consulting',
      label_ids: [lb.cold],
      person_id: p.lena,
      organization_id: null,
      value: { amount: 1200.5, currency: 'USD' },
      was_seen: false,
      source_name: 'API',
      origin: 'API',
      origin_id: 'leadbox-seed',
      add_time: start - 5 * day,
      update_time: start - day,
      cc_email: cc('Zx8NwQ1eRt5YuI7oPa2Sd3'),
      custom: { [f.leadReference]: 'LBX-SEED-0003' },
    },
    {
      ...base,
      id: l.archived,
      title: 'Old trade fair contact',
      label_ids: [],
      person_id: p.john,
      organization_id: o.contoso,
      is_archived: true,
      add_time: start - 200 * day,
      update_time: start - 100 * day,
      cc_email: cc('Lk4JhG6fDs8AqW0eRt2Yu5'),
    },
  ]
}

function notes(start: number): Note[] {
  return [
    {
      id: seedIds.note,
      content: 'Asked for a quote on leasing terms.',
      lead_id: seedIds.leads.acmeFleet,
      deal_id: null,
      person_id: null,
      org_id: null,
      user_id: seedIds.me,
      pinned_to_lead_flag: false,
      add_time: start - 3 * day,
      update_time: start - 3 * day,
    },
  ]
}

/** Pipedrive's default activity types, as a new company has them. */
function activityTypes(start: number): ActivityType[] {
  const t = seedIds.activityTypes
  const made = start - 400 * day
  const type = (id: number, name: string, key: string, order: number): ActivityType => ({
    id,
    name,
    key_string: key,
    icon_key: key,
    color: null,
    order_nr: order,
    active_flag: true,
    is_custom_flag: false,
    add_time: made,
    update_time: made,
  })
  return [
    type(t.call, 'Call', 'call', 1),
    type(t.meeting, 'Meeting', 'meeting', 2),
    type(t.task, 'Task', 'task', 3),
    type(t.deadline, 'Deadline', 'deadline', 4),
    type(t.email, 'Email', 'email', 5),
    type(t.lunch, 'Lunch', 'lunch', 6),
  ]
}

function activities(start: number): Activity[] {
  const { leads: l, persons: p, organizations: o, activities: a } = seedIds
  const base = {
    owner_id: seedIds.me,
    creator_user_id: seedIds.me,
    is_deleted: false,
    deal_id: null,
    lead_id: l.acmeFleet,
    org_id: o.acme,
    due_time: null,
    duration: null,
    busy: false,
    participants: [{ person_id: p.maria, primary: true }],
    public_description: null,
    priority: null,
    note: null,
  }
  const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)
  return [
    {
      ...base,
      id: a.callMaria,
      subject: 'Call Maria about the lease terms',
      type: 'call',
      due_date: dayOf(start + 2 * day),
      due_time: '10:00:00',
      duration: '00:30:00',
      done: false,
      marked_as_done_time: null,
      add_time: start - 2 * day,
      update_time: start - 2 * day,
    },
    {
      ...base,
      id: a.sentBrochure,
      subject: 'Send the fleet brochure',
      type: 'email',
      due_date: dayOf(start - 7 * day),
      done: true,
      marked_as_done_time: start - 7 * day,
      add_time: start - 12 * day,
      update_time: start - 7 * day,
    },
  ]
}

/** A fresh company as of `start` (ms since epoch). */
export function createSeedData(start: number): Data {
  const company = {
    id: seedIds.company,
    name: 'Northwind Trading',
    domain: 'northwind-sandbox',
    country: 'DE',
    industry: 'Wholesale',
  }
  const records = {
    leads: new Map(leads(start, company.domain).map((x) => [x.id, x])),
    persons: new Map(persons(start).map((x) => [x.id, x])),
    organizations: new Map(organizations(start).map((x) => [x.id, x])),
    notes: new Map(notes(start).map((x) => [x.id, x])),
    activities: new Map(activities(start).map((x) => [x.id, x])),
  }
  return {
    company,
    meId: seedIds.me,
    users: users(start),
    currencies: currencies.map((c) => ({ ...c })),
    dealFields: dealFields(start),
    leadLabels: new Map(labels(start).map((x) => [x.id, x])),
    ...records,
    activityTypes: activityTypes(start),
    removedLeads: new Map(),
    conversions: new Map(),
    nextId: { person: 1101, organization: 601, note: 101, deal: 9001, activity: 101 },
    // The seed was there long before anyone searched: all of it is indexed.
    searchIndex: seedIndex({
      leads: records.leads.values(),
      persons: records.persons.values(),
      organizations: records.organizations.values(),
      notes: records.notes.values(),
    }),
  }
}
