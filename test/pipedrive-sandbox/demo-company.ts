// A company worth clicking through (npm run demo): the seed's users, fields and records, plus a
// few hundred persons, organizations and leads made up from a seeded random sequence, so every
// run shows the same company.
import { seedIndex } from './search-index'
import { createSeedData } from './seed'
import type { Data, LeadLabel, Lead, Note, Organization, Person } from './store'

export const demoCompanySize = { organizations: 120, persons: 320, leads: 300 }

const day = 86_400_000

/** mulberry32: small, fast and the same on every machine for one seed. */
function sequence(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!
  const chance = (p: number) => next() < p
  const hex = (n: number) => Array.from({ length: n }, () => int(0, 15).toString(16)).join('')
  // Version 4 layout, so the ids look like the ones Pipedrive gives leads.
  const uuid = () =>
    `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`
  return { int, pick, chance, hex, uuid }
}

// prettier-ignore
const firstNames = [
  'Anna', 'Ben', 'Clara', 'David', 'Elif', 'Felix', 'Grace', 'Hannah', 'Ivan', 'Julia', 'Karim',
  'Laura', 'Mateo', 'Nina', 'Oliver', 'Paula', 'Quentin', 'Rosa', 'Stefan', 'Tara', 'Umar',
  'Vera', 'Wei', 'Ximena', 'Yusuf', 'Zoe', 'Amelie', 'Jonas', 'Sofia', 'Lukas', 'Emma', 'Noah',
]
// prettier-ignore
const lastNames = [
  'Müller', 'Schneider', 'Novak', 'Rossi', 'García', 'Dubois', 'Jansen', 'Kowalski', 'Nilsson',
  'Okafor', 'Tanaka', 'Brown', 'Wilson', 'Hughes', 'Lindqvist', 'Costa', 'Horvat', 'Weber',
  'Andersen', 'Moreau', 'Bianchi', 'Fernández', 'Kaya', 'Murphy', 'Schäfer', 'Dimitrov',
]
// prettier-ignore
const companyWords = [
  'Alpine', 'Baltic', 'Cedar', 'Delta', 'Evergreen', 'Falcon', 'Granite', 'Harbor', 'Iris',
  'Juniper', 'Kestrel', 'Linden', 'Meridian', 'Nordic', 'Orchard', 'Pioneer', 'Quarry', 'Rhine',
  'Summit', 'Tidewater', 'Union', 'Vista', 'Westfield', 'Yarrow', 'Zenith', 'Atlas', 'Beacon',
]
// prettier-ignore
const companyKinds = [
  'Logistics', 'Foods', 'Energy', 'Retail', 'Motors', 'Pharma', 'Textiles', 'Software',
  'Construction', 'Freight', 'Hotels', 'Packaging', 'Bakeries', 'Medical', 'Furniture',
]
const legalForms = ['GmbH', 'AG', 'Ltd', 'Inc.', 'B.V.', 'S.A.', 'AB', 'Oy', 'SE', '']
const places = [
  { locality: 'Berlin', country: 'Germany', phone: '+49 30', tld: 'de' },
  { locality: 'Munich', country: 'Germany', phone: '+49 89', tld: 'de' },
  { locality: 'Vienna', country: 'Austria', phone: '+43 1', tld: 'at' },
  { locality: 'Zurich', country: 'Switzerland', phone: '+41 44', tld: 'ch' },
  { locality: 'London', country: 'United Kingdom', phone: '+44 20', tld: 'co.uk' },
  { locality: 'Manchester', country: 'United Kingdom', phone: '+44 161', tld: 'co.uk' },
  { locality: 'Stockholm', country: 'Sweden', phone: '+46 8', tld: 'se' },
  { locality: 'Amsterdam', country: 'Netherlands', phone: '+31 20', tld: 'nl' },
  { locality: 'New York', country: 'United States', phone: '+1 212', tld: 'com' },
  { locality: 'Tokyo', country: 'Japan', phone: '+81 3', tld: 'jp' },
]
const streets = ['Hauptstraße', 'Market Street', 'Kungsgatan', 'Main Street', 'Ringstraße']
// prettier-ignore
const jobTitles = [
  'Purchasing Manager', 'Head of Operations', 'CEO', 'Fleet Manager', 'Office Manager',
  'Procurement Lead', 'CFO', 'IT Director', 'Facility Manager', 'Sales Director',
]
// prettier-ignore
const needs = [
  'fleet renewal', 'cold storage', 'service contract', 'leasing offer', 'pilot project',
  'spare parts', 'annual framework deal', 'new warehouse', 'software licences', 'training',
  'expansion', 'replacement order', 'consulting', 'maintenance', 'trial order',
]
const noteTexts = [
  'Called; wants a proposal by the end of the month.',
  'Met at the trade fair, interested in a demo.',
  'Budget approved for next quarter.',
  'Asked for references from similar customers.',
  'Decision maker is on holiday until next week.',
  'Sent the price list; follow up on Thursday.',
  'Competitor offered a lower price; discuss discount.',
]
// Currencies the seed company has (seed.ts); JPY has no decimals, so its amounts are whole.
const currencyWeights = ['EUR', 'EUR', 'EUR', 'EUR', 'USD', 'USD', 'GBP', 'CHF', 'SEK', 'JPY']
const labelColors: Array<LeadLabel['color']> = ['green', 'purple', 'orange', 'gray']
const extraLabelNames = ['Partner referral', 'Enterprise', 'Follow up', 'Renewal']

const ascii = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')

/** The demo company as of `start` (ms since epoch); the same `seed` gives the same company. */
export function createDemoCompany(start: number, seed = 12): Data {
  const data = createSeedData(start)
  const random = sequence(seed)
  const { users } = data
  const owners = users.filter((user) => user.active_flag).map((user) => user.id)
  const ago = (minDays: number, maxDays: number) =>
    start - random.int(minDays * 24, maxDays * 24) * 3_600_000

  // A few more labels beside the seed's Hot, Warm and Cold.
  for (const [i, name] of extraLabelNames.entries()) {
    const at = start - 250 * day
    const id = random.uuid()
    data.leadLabels.set(id, { id, name, color: labelColors[i]!, add_time: at, update_time: at })
  }
  const labelIds = [...data.leadLabels.keys()]

  const organizations: Organization[] = []
  const usedNames = new Set([...data.organizations.values()].map((org) => org.name))
  let orgId = data.nextId.organization
  while (organizations.length < demoCompanySize.organizations) {
    const base = `${random.pick(companyWords)} ${random.pick(companyKinds)}`
    const name = `${base} ${random.pick(legalForms)}`.trim()
    if (usedNames.has(name)) continue
    usedNames.add(name)
    const place = random.pick(places)
    const added = ago(30, 700)
    organizations.push({
      id: orgId++,
      name,
      owner_id: random.pick(owners),
      visible_to: 3,
      label_ids: [],
      address: {
        value: `${random.pick(streets)} ${random.int(1, 180)}, ${place.locality}, ${place.country}`,
        country: place.country,
        locality: place.locality,
      },
      website: `https://${ascii(base)}.example`,
      linkedin: null,
      industry: null,
      annual_revenue: null,
      employee_count: random.int(5, 4000),
      custom_fields: {},
      add_time: added,
      update_time: Math.min(start, added + random.int(0, 60) * day),
      is_deleted: false,
    })
  }

  const persons: Person[] = []
  let personId = data.nextId.person
  while (persons.length < demoCompanySize.persons) {
    const first = random.pick(firstNames)
    const last = random.pick(lastNames)
    // Most people work somewhere; a few are freelancers or private buyers.
    const org = random.chance(0.85) ? random.pick(organizations) : null
    const place = random.pick(places)
    const id = personId++
    const domain = org ? `${ascii(org.name)}.example` : 'mail.example'
    const added = ago(10, 600)
    persons.push({
      id,
      name: `${first} ${last}`,
      first_name: first,
      last_name: last,
      owner_id: org?.owner_id ?? random.pick(owners),
      org_id: org?.id ?? null,
      // The id keeps namesakes' addresses apart, as real mailboxes would be.
      emails: [
        { value: `${ascii(first)}.${ascii(last)}${id}@${domain}`, primary: true, label: 'work' },
      ],
      phones: random.chance(0.8)
        ? [
            {
              value: `${place.phone} ${random.int(1_000_000, 9_999_999)}`,
              primary: true,
              label: 'work',
            },
          ]
        : [],
      visible_to: 3,
      label_ids: [],
      picture_id: null,
      job_title: random.pick(jobTitles),
      custom_fields: {},
      add_time: added,
      update_time: Math.min(start, added + random.int(0, 30) * day),
      is_deleted: false,
    })
  }

  const leads: Lead[] = []
  const cc = () =>
    `${data.company.domain}+${data.company.id}+lead${random.hex(22)}@pipedrivemail.com`
  while (leads.length < demoCompanySize.leads) {
    // A lead names a person (with their organization, if any), or only an organization.
    const person = random.chance(0.75) ? random.pick(persons) : null
    const org = person
      ? (organizations.find((o) => o.id === person.org_id) ?? null)
      : random.pick(organizations)
    const currency = random.pick(currencyWeights)
    const amount = currency === 'JPY' ? random.int(50, 5000) * 1000 : random.int(5, 400) * 250
    const added = ago(0, 180)
    const closes = random.chance(0.6)
      ? new Date(start + random.int(7, 200) * day).toISOString().slice(0, 10)
      : null
    leads.push({
      id: random.uuid(),
      title: `${org?.name ?? person!.name} – ${random.pick(needs)}`,
      owner_id: random.pick(owners),
      creator_id: random.pick(owners),
      label_ids: random.chance(0.7) ? [random.pick(labelIds)] : [],
      person_id: person?.id ?? null,
      organization_id: org?.id ?? null,
      source_name: random.chance(0.2) ? 'API' : 'Manually created',
      origin: 'ManuallyCreated',
      origin_id: null,
      channel: null,
      channel_id: null,
      source_deal_id: null,
      // About one in eight is in the archive.
      is_archived: random.chance(0.12),
      was_seen: random.chance(0.8),
      value: random.chance(0.8) ? { amount, currency } : null,
      expected_close_date: closes,
      next_activity_id: null,
      add_time: added,
      update_time: Math.min(start, added + random.int(0, 10) * day),
      visible_to: '3',
      cc_email: cc(),
      custom: {},
    })
  }

  const notes: Note[] = []
  let noteId = data.nextId.note
  for (const lead of leads) {
    if (!random.chance(0.3)) continue
    const added = Math.min(start, lead.add_time + random.int(1, 72) * 3_600_000)
    notes.push({
      id: noteId++,
      content: random.pick(noteTexts),
      lead_id: lead.id,
      deal_id: null,
      person_id: null,
      org_id: null,
      user_id: lead.owner_id,
      pinned_to_lead_flag: false,
      add_time: added,
      update_time: added,
    })
  }

  for (const org of organizations) data.organizations.set(org.id, org)
  for (const person of persons) data.persons.set(person.id, person)
  for (const lead of leads) data.leads.set(lead.id, lead)
  for (const note of notes) data.notes.set(note.id, note)
  data.nextId = { ...data.nextId, person: personId, organization: orgId, note: noteId }
  // Like the seed, all of it was there long before anyone searched.
  data.searchIndex = seedIndex({
    leads: data.leads.values(),
    persons: data.persons.values(),
    organizations: data.organizations.values(),
    notes: data.notes.values(),
  })
  return data
}
