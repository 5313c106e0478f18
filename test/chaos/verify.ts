// The chaos test's verdict: what the plan committed (read back from the outbox) against what
// the sandbox holds. Every finding is one line naming the op, the row and the record.
import Database from 'better-sqlite3'
import type { LeadValue } from '../../src/shared/leads/lead-draft'
import type { Sandbox } from '../pipedrive-sandbox/index'
import {
  opOfTitle,
  type CaptureOp,
  type ChangeOp,
  type LeadEdit,
  type LeadTarget,
  type PaneOp,
  type Plan,
  type WaitingEditOp,
} from './plan'
import type { PipedriveLead } from './protocol'

/** What Pipedrive held before the seed ran: anything newer was made by the run. */
export interface Baseline {
  personMaxId: number
  organizationMaxId: number
  noteMaxId: number
  activityMaxId: number
}

type Json = Record<string, unknown>

export function baselineOf(sandbox: Sandbox): Baseline {
  const maxId = (records: readonly Json[]) =>
    records.reduce((max, record) => Math.max(max, Number(record['id'])), 0)
  return {
    personMaxId: maxId(sandbox.state.persons),
    organizationMaxId: maxId(sandbox.state.organizations),
    noteMaxId: maxId(sandbox.state.notes),
    activityMaxId: maxId(sandbox.state.activities),
  }
}

interface DbRow {
  id: number
  client_id: string
  kind: string
  state: string
  payload: string
  title: string
  remote_id: string | null
  last_error: string | null
  last_status: number | null
  lead_ref: string | null
}

export interface Verdict {
  failures: string[]
  /** needs_attention rows the plan explains: late changes of leads already gone. */
  acceptedAttention: string[]
  facts: {
    rows: number
    leads: number
    persons: number
    organizations: number
    notes: number
    activities: number
    conversions: number
    lateAccepted: number
    lateRefused: number
    paneNotes: number
    paneActivities: number
    doneMarks: number
    doneSkipped: number
    waitingEdits: number
    editsOnTheirWay: number
    sharedPersons: number
    personsLetGoOnTheirWay: number
    discardedWhileWaiting: number
  }
}

type Status = 'active' | 'deleted' | 'converted'

interface Expected {
  op: CaptureOp
  row: DbRow
  status: Status
  archived: boolean
  title: string
  value: LeadValue | null
  /** The person a waiting-lead edit gave it, either way the edit went. */
  editedPersonId?: number
}

const describeRow = (row: DbRow) => `row ${row.id} (${row.kind}, ${row.state})`
const leadName = (lead: LeadTarget) =>
  lead.kind === 'capture' ? `op${lead.n}'s lead` : `Pipedrive-only lead ${lead.index}`

function sameValue(a: unknown, b: LeadValue | null): boolean {
  if (a === null || a === undefined) return b === null
  if (b === null) return false
  const value = a as { amount?: unknown; currency?: unknown }
  return Number(value.amount) === b.amount && value.currency === b.currency
}

const contactValues = (list: unknown): string[] =>
  Array.isArray(list)
    ? list.map((entry) =>
        typeof entry === 'string' ? entry : String((entry as { value?: unknown }).value),
      )
    : []

/** A lead change Pipedrive could not apply because the lead is gone (deleted, converted). */
const saysGone = (row: DbRow) =>
  row.last_status === 404 || /no longer in Pipedrive|not found/i.test(row.last_error ?? '')

export function verify(input: {
  plan: Plan
  dbFile: string
  sandbox: Sandbox
  baseline: Baseline
  /** Ops the app refused, as the worker reported them. */
  refused: ReadonlyMap<number, string>
  /** Done marks the user could not make yet: the activity was still on its way. */
  skipped: ReadonlySet<number>
  /** Person rows on the wire when an edit of their waiting lead let them go. */
  onTheirWay: ReadonlySet<number>
  /** Leads only Pipedrive had, made before the run. */
  pipedriveLeads: readonly PipedriveLead[]
}): Verdict {
  const { plan, sandbox, baseline, refused, skipped } = input
  const seed = plan.seed
  const failures: string[] = []
  const acceptedAttention: string[] = []
  const fail = (message: string) => failures.push(message)

  // --- The database ---
  const db = new Database(input.dbFile)
  let rows: DbRow[]
  let dependencies: Array<{ row_id: number; parent_id: number; role: string }>
  try {
    const integrity = db.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') fail(`PRAGMA integrity_check says: ${String(integrity)}`)
    const foreign = db.pragma('foreign_key_check') as unknown[]
    if (foreign.length > 0) fail(`PRAGMA foreign_key_check: ${JSON.stringify(foreign.slice(0, 5))}`)
    rows = db
      .prepare(
        `SELECT id, client_id, kind, state, payload, title, remote_id, last_error, last_status,
           lead_ref
         FROM outbox ORDER BY id`,
      )
      .all() as DbRow[]
    dependencies = db
      .prepare('SELECT row_id, parent_id, role FROM outbox_dependency')
      .all() as typeof dependencies
  } finally {
    db.close()
  }
  const rowById = new Map(rows.map((row) => [row.id, row]))
  const parentsOf = (id: number) => dependencies.filter((d) => d.row_id === id)
  const childrenOf = (id: number) => dependencies.filter((d) => d.parent_id === id)
  const payloadOf = (row: DbRow) => JSON.parse(row.payload) as Json

  // --- Which ops committed: exactly the plan's, each once ---
  const byOp = new Map<number, DbRow[]>()
  for (const row of rows) {
    const n = opOfTitle(seed, row.kind, row.title)
    if (n === null) continue
    if (n >= plan.ops.length) fail(`${describeRow(row)} names op${n}, which the plan does not have`)
    byOp.set(n, [...(byOp.get(n) ?? []), row])
  }
  const committedChange = new Map<number, DbRow>()
  const captureRows = new Map<number, DbRow>()
  const paneRows = new Map<number, DbRow>()
  /** Captures whose waiting lead the user discarded, with their create row. */
  const discarded = new Map<number, number>()
  /** How each committed edit of a waiting lead went: into its rows, or as a change. */
  const waitingEdits = new Map<number, 'waiting' | 'on its way'>()
  let lateAccepted = 0
  let lateRefused = 0
  let doneSkipped = 0
  const paneKind = { note: 'note.create', activity: 'activity.create', done: 'activity.done' }
  for (const op of plan.ops) {
    const found = byOp.get(op.n) ?? []
    if (op.type === 'syncNow' || op.type === 'networkFlap') continue
    if (found.length > 1) {
      fail(
        `op${op.n} (${op.type}) is in the outbox ${found.length} times: rows ${found.map((r) => r.id).join(', ')}`,
      )
      continue
    }
    const row = found[0]
    if (op.type === 'capture') {
      if (!row) fail(`op${op.n} (capture "${op.title}") never committed`)
      else if (row.kind !== 'lead.create') fail(`op${op.n} was committed as ${describeRow(row)}`)
      else captureRows.set(op.n, row)
      continue
    }
    if (op.type === 'note' || op.type === 'activity' || op.type === 'done') {
      const refusal = refused.get(op.n)
      if (row && row.kind === paneKind[op.type]) paneRows.set(op.n, row)
      else if (row) fail(`op${op.n} (${op.type}) was committed as ${describeRow(row)}`)
      else if (op.type === 'done' && skipped.has(op.n) && refusal === undefined) doneSkipped += 1
      else if (refusal !== undefined)
        fail(`the app refused op${op.n} (${op.type} on ${leadName(op.lead)}): ${refusal}`)
      else fail(`op${op.n} (${op.type} on ${leadName(op.lead)}) never committed`)
      continue
    }
    if (op.type === 'waitingEdit') {
      const refusal = refused.get(op.n)
      if (refusal !== undefined)
        fail(`the app refused op${op.n} (edit of op${op.target}): ${refusal}`)
      else if (!row) waitingEdits.set(op.n, 'waiting')
      else if (row.kind !== 'lead.update')
        fail(`op${op.n} (edit of op${op.target}) was committed as ${describeRow(row)}`)
      else {
        waitingEdits.set(op.n, 'on its way')
        committedChange.set(op.n, row)
      }
      continue
    }
    if (op.type === 'discardWaiting') {
      const refusal = refused.get(op.n)
      const create = captureRows.get(op.target)
      if (refusal !== undefined)
        fail(`the app refused op${op.n} (discard of op${op.target}): ${refusal}`)
      else if (row?.kind === 'lead.delete') committedChange.set(op.n, row)
      else if (row)
        fail(`op${op.n} (discard of op${op.target}) was committed as ${describeRow(row)}`)
      else if (create?.state === 'cancelled') discarded.set(op.target, create.id)
      else fail(`op${op.n} (discard of op${op.target}) never committed`)
      continue
    }
    if (!row) {
      const refusal = refused.get(op.n)
      if (op.late && refusal !== undefined) lateRefused += 1
      else if (refusal !== undefined) {
        fail(
          `the app refused op${op.n} (${op.kind} of op${op.target}), a change it should take: ${refusal}`,
        )
      } else fail(`op${op.n} (${op.kind} of op${op.target}) never committed, and was not refused`)
      continue
    }
    if (row.kind !== `lead.${op.kind}`)
      fail(`op${op.n} (${op.kind}) was committed as ${describeRow(row)}`)
    committedChange.set(op.n, row)
    if (op.late) lateAccepted += 1
  }

  // --- Each capture whole: its rows and links exactly as the draft said, nothing torn ---
  const ownedBy = new Map<number, number>()
  const own = (row: DbRow, n: number) => {
    const owner = ownedBy.get(row.id)
    if (owner !== undefined) fail(`${describeRow(row)} belongs to op${owner} and op${n}`)
    ownedBy.set(row.id, n)
  }
  const personRowOf = new Map<number, DbRow>()
  const organizationRowOf = new Map<number, DbRow>()
  const noteRowOf = new Map<number, DbRow>()
  const activityRowOf = new Map<number, DbRow>()
  /** The last edit written into op n's waiting rows, if any. */
  const lastWaitingEdit = (n: number) =>
    [...waitingEdits]
      .filter(([e, how]) => how === 'waiting' && (plan.ops[e] as WaitingEditOp).target === n)
      .map(([e]) => plan.ops[e] as WaitingEditOp)
      .at(-1)
  /** Persons rows, with every capture that waits for them (two when one was shared). */
  const personOwners = new Map<number, number[]>()
  /** Rows an edit of a waiting lead cancelled: a replaced activity, a person let go. */
  const cancelledByEdit = new Set<number>()
  let personsLetGoOnTheirWay = 0
  for (const [n, row] of captureRows) {
    const op = plan.ops[n] as CaptureOp
    own(row, n)
    const payload = payloadOf(row)
    const edit = lastWaitingEdit(n)
    const title = edit?.title ?? op.title
    if (payload['title'] !== title)
      fail(`op${n}: ${describeRow(row)} has title "${String(payload['title'])}", not "${title}"`)
    // The form showed the changes queued before its edit, and saved them into the lead.
    let value = op.value ?? null
    for (const [c] of committedChange) {
      const change = plan.ops[c] as ChangeOp | WaitingEditOp
      const after = change.type === 'change' && change.kind === 'update' ? change.after : undefined
      if (edit && c < edit.n && change.target === n && after?.value !== undefined)
        value = after.value
    }
    if (!sameValue(payload['value'] ?? null, value)) {
      fail(
        `op${n}: ${describeRow(row)} has value ${JSON.stringify(payload['value'])}, not ${JSON.stringify(value)}`,
      )
    }
    const parents = parentsOf(row.id)
    const parentRow = (role: string) => {
      const links = parents.filter((d) => d.role === role)
      if (links.length > 1) fail(`op${n}: ${describeRow(row)} has ${links.length} ${role} parents`)
      return links[0] ? rowById.get(links[0].parent_id) : undefined
    }
    const personRow = parentRow('person')
    const person = edit ? { kind: 'existing' as const, id: edit.personId } : op.person
    if (person?.kind === 'new') {
      if (!personRow || personRow.kind !== 'person.create') {
        fail(`op${n}: the new person "${person.name}" has no person.create row`)
      } else {
        const owners = personOwners.get(personRow.id) ?? []
        // Shared only by a capture that chose the person on the chip.
        if (owners.length > 0 && op.shares === undefined)
          fail(`${describeRow(personRow)} belongs to op${owners.join(', op')} and op${n}`)
        personOwners.set(personRow.id, [...owners, n])
        ownedBy.set(personRow.id, n)
        personRowOf.set(n, personRow)
        const p = payloadOf(personRow)
        if (
          p['name'] !== person.name ||
          p['email'] !== person.email ||
          p['phone'] !== person.phone
        ) {
          fail(
            `op${n}: ${describeRow(personRow)} holds ${personRow.payload}, the draft said ${JSON.stringify(op.person)}`,
          )
        }
      }
    } else {
      if (personRow)
        fail(`op${n}: ${describeRow(row)} waits for a person row, the draft had none new`)
      const expected = person?.kind === 'existing' ? person.id : undefined
      if (payload['personId'] !== expected)
        fail(
          `op${n}: ${describeRow(row)} has personId ${String(payload['personId'])}, the draft ${String(expected)}`,
        )
    }
    const organizationRow = parentRow('organization')
    if (op.organization?.kind === 'new') {
      if (!organizationRow || organizationRow.kind !== 'organization.create') {
        fail(
          `op${n}: the new organization "${op.organization.name}" has no organization.create row`,
        )
      } else {
        own(organizationRow, n)
        organizationRowOf.set(n, organizationRow)
        if (payloadOf(organizationRow)['name'] !== op.organization.name) {
          fail(`op${n}: ${describeRow(organizationRow)} holds ${organizationRow.payload}`)
        }
      }
    } else {
      if (organizationRow)
        fail(`op${n}: ${describeRow(row)} waits for an organization row, the draft had none new`)
      const expected = op.organization?.kind === 'existing' ? op.organization.id : undefined
      if (payload['organizationId'] !== expected)
        fail(
          `op${n}: ${describeRow(row)} has organizationId ${String(payload['organizationId'])}, the draft ${String(expected)}`,
        )
    }
    // The capture's own: the pane's notes and activities on the lead are titled by their op.
    // An edit queues the activity anew: the one it replaced is cancelled.
    const ownChildren = childrenOf(row.id)
      .map((d) => rowById.get(d.row_id))
      .filter((child) => child && opOfTitle(seed, child.kind, child.title) === null)
      .filter((child) => {
        // Discarded with the lead, they are still its own.
        if (child!.state !== 'cancelled' || discarded.has(n)) return true
        ownedBy.set(child!.id, n)
        cancelledByEdit.add(child!.id)
        return false
      })
    const notes = ownChildren.filter((child): child is DbRow => child?.kind === 'note.create')
    if (notes.length !== (op.note ? 1 : 0)) {
      fail(`op${n}: ${notes.length} note rows for ${op.note ? 'one note' : 'no note'}`)
    }
    const noteRow = notes[0]
    if (op.note && noteRow) {
      own(noteRow, n)
      noteRowOf.set(n, noteRow)
      if (payloadOf(noteRow)['content'] !== op.note)
        fail(`op${n}: ${describeRow(noteRow)} holds ${noteRow.payload}`)
    }
    const activities = ownChildren.filter(
      (child): child is DbRow => child?.kind === 'activity.create',
    )
    if (activities.length !== (op.activity ? 1 : 0)) {
      fail(`op${n}: ${activities.length} activity rows for ${op.activity ? 'one' : 'none'}`)
    }
    const activityRow = activities[0]
    if (op.activity && activityRow) {
      own(activityRow, n)
      activityRowOf.set(n, activityRow)
      const p = payloadOf(activityRow)
      if (p['subject'] !== op.activity.subject || p['dueDate'] !== op.activity.dueDate)
        fail(`op${n}: ${describeRow(activityRow)} holds ${activityRow.payload}`)
    }
  }
  // A change queued while the lead waited, which a later edit in the form took the place of.
  for (const [n, row] of committedChange) {
    const op = plan.ops[n] as ChangeOp | WaitingEditOp
    const target = op.target
    const superseded = [...waitingEdits].some(
      ([e, how]) => e > n && how === 'waiting' && (plan.ops[e] as WaitingEditOp).target === target,
    )
    if (row.kind === 'lead.update' && row.state === 'cancelled' && superseded)
      cancelledByEdit.add(row.id)
  }
  // A new person an edit let go, that no lead waits for any more: cancelled, never sent, but
  // for one already on its way (sending, or its answer lost) when it was let go: that one is
  // delivered once, for no lead.
  // (Also one a discarded lead still names, once the edit let the last live lead's go.)
  for (const row of rows) {
    if (row.kind !== 'person.create' || waitingEdits.size === 0) continue
    const awaited = dependencies.some(
      (d) => d.parent_id === row.id && rowById.get(d.row_id)?.state !== 'cancelled',
    )
    if (awaited) continue
    if (row.state === 'cancelled') {
      if (!ownedBy.has(row.id)) ownedBy.set(row.id, -1)
      cancelledByEdit.add(row.id)
    } else if (!ownedBy.has(row.id) && row.state === 'sent' && input.onTheirWay.has(row.id)) {
      ownedBy.set(row.id, -1)
      personOwners.set(row.id, [-1])
      personsLetGoOnTheirWay += 1
    }
  }
  for (const row of rows) {
    const n = opOfTitle(seed, row.kind, row.title) ?? -1
    if (ownedBy.has(row.id) || committedChange.has(n) || paneRows.get(n) === row) continue
    fail(
      `${describeRow(row)} "${row.title}" belongs to no op of the plan: a torn or doubled capture`,
    )
  }

  // --- What each lead should be now: its capture, then its committed changes in order ---
  const expected = new Map<number, Expected>()
  for (const [n, row] of captureRows) {
    const op = plan.ops[n] as CaptureOp
    expected.set(n, {
      op,
      row,
      status: 'active',
      archived: false,
      title: op.title,
      value: op.value ?? null,
    })
  }
  for (const [e] of waitingEdits) {
    const op = plan.ops[e] as WaitingEditOp
    const lead = expected.get(op.target)
    if (lead) lead.editedPersonId = op.personId
  }
  for (const n of [...committedChange.keys(), ...waitingEdits.keys()].sort((a, b) => a - b)) {
    const edit = plan.ops[n]
    if (edit?.type === 'waitingEdit') {
      const lead = expected.get(edit.target)
      if (lead) lead.title = edit.title
      continue
    }
    if (edit?.type === 'discardWaiting') {
      // On its way when the user discarded it: deleted.
      const lead = expected.get(edit.target)
      if (lead) lead.status = 'deleted'
      continue
    }
    const op = edit as ChangeOp
    const lead = expected.get(op.target)
    if (!lead || op.late) continue
    if (op.kind === 'update') {
      const after: LeadEdit = op.after ?? {}
      if (after.title !== undefined) lead.title = after.title
      if (after.value !== undefined) lead.value = after.value
    } else if (op.kind === 'archive') lead.archived = true
    else if (op.kind === 'unarchive') lead.archived = false
    else if (op.kind === 'delete') lead.status = 'deleted'
    else lead.status = 'converted'
  }

  // --- Outbox rows: all sent, but for late changes Pipedrive had no lead for ---
  const accepted = new Set<number>()
  const discardedKeys = new Set([...discarded.values()].map((id) => `outbox:${id}`))
  for (const row of rows) {
    // Discarded with its lead, and everything that waited on it.
    const gone = [...discarded.values()].includes(row.id) || discardedKeys.has(row.lead_ref ?? '')
    if (gone && row.state === 'cancelled') continue
    if (gone) {
      fail(`${describeRow(row)} "${row.title}" is ${row.state}, its lead was discarded`)
      continue
    }
    const n = opOfTitle(seed, row.kind, row.title)
    const op = n === null ? undefined : plan.ops[n]
    const late = op?.type === 'change' && op.late
    // A change waits behind an earlier change of its lead that needs the user: changes of a
    // lead go in order. Fine for a late change behind another late one.
    const blocker = rows.find(
      (e) => e.lead_ref === row.lead_ref && e.id < row.id && e.state === 'needs_attention',
    )
    if (late && row.state === 'queued' && blocker && accepted.has(blocker.id)) {
      accepted.add(row.id)
      acceptedAttention.push(
        `${describeRow(row)} op${n}: waits behind row ${blocker.id}, which needs the user`,
      )
      continue
    }
    if (late && row.kind !== 'lead.delete') {
      // Made once the lead's removal was done: Pipedrive has no lead to apply it to.
      if (row.state === 'needs_attention' && saysGone(row)) {
        accepted.add(row.id)
        acceptedAttention.push(`${describeRow(row)} op${n}: ${row.last_error ?? ''}`)
        continue
      }
      if (row.state === 'sent') {
        // Either it went before the removal it followed, or the outbox says done for a change
        // Pipedrive never made (a conversion "seen" in a lead that was deleted).
        fail(
          `${describeRow(row)} op${n}: a ${op.kind} made after op${op.target}'s lead was removed ended sent${row.remote_id ? ` (remote ${row.remote_id})` : ' with no remote id'}: either it overtook the removal, or the outbox reports a change Pipedrive never made`,
        )
        continue
      }
    }
    if (row.state === 'cancelled' && cancelledByEdit.has(row.id)) continue
    if (row.state !== 'sent') {
      fail(
        `${describeRow(row)} "${row.title}" is ${row.state}${row.last_error ? `: ${row.last_error}` : ''}`,
      )
    }
  }

  // --- Leads discarded while waiting: never in Pipedrive ---
  for (const [n] of discarded) {
    const row = captureRows.get(n)!
    expected.delete(n)
    const found = [
      ...sandbox.state.leads,
      ...sandbox.state.removedLeads.map(({ lead }) => lead),
    ].filter((lead) => lead['origin_id'] === row.client_id)
    if (found.length > 0)
      fail(
        `op${n}: its lead was discarded while waiting, yet Pipedrive has lead ${String(found[0]!['id'])}`,
      )
  }

  // --- Pipedrive: every lead once, linked to its own contacts, as the plan left it ---
  const state = sandbox.state
  const leads = state.leads
  const removedLeads = state.removedLeads
  const persons = state.persons
  const organizations = state.organizations
  const notes = state.notes
  const conversions = state.conversions
  const personById = new Map(persons.map((p) => [Number(p['id']), p]))
  const organizationById = new Map(organizations.map((o) => [Number(o['id']), o]))
  const noteById = new Map(notes.map((note) => [Number(note['id']), note]))
  const activities = state.activities
  const activityById = new Map(activities.map((a) => [Number(a['id']), a]))
  const claimedActivities = new Map<number, number>()
  // Converting a lead moves its notes and activities to the deal it became.
  const isOnLead = (item: Record<string, unknown>, leadId: string) =>
    item['lead_id'] === leadId ||
    (item['lead_id'] === null &&
      item['deal_id'] !== null &&
      conversions.some(
        (c) =>
          c['lead_id'] === leadId &&
          c['status'] === 'completed' &&
          c['deal_id'] === item['deal_id'],
      ))
  const allLeads = [
    ...leads.map((lead) => ({ lead, removed: null as null | 'deleted' | 'converted' })),
    ...removedLeads.map(({ removed, lead }) => ({ lead, removed })),
  ]
  const ourClientIds = new Set([...captureRows.values()].map((row) => row.client_id))
  const claimedPersons = new Map<number, number>()
  const claimedOrganizations = new Map<number, number>()
  const claimedNotes = new Map<number, number>()
  const claim = (claims: Map<number, number>, id: number, n: number, what: string) => {
    const other = claims.get(id)
    if (other !== undefined)
      fail(`op${n} and op${other} both took ${what} ${id}: one of them has none of its own`)
    claims.set(id, n)
  }

  for (const lead of expected.values()) {
    const { op, row } = lead
    const n = op.n
    const found = allLeads.filter(({ lead: l }) => l['origin_id'] === row.client_id)
    if (found.length !== 1) {
      fail(
        `op${n}: Pipedrive has ${found.length} leads with origin_id ${row.client_id} ("${op.title}")${found.length > 1 ? `: ${found.map(({ lead: l }) => String(l['id'])).join(', ')}` : ''}`,
      )
      if (found.length === 0) continue
    }
    const { lead: remote, removed } = found[0]!
    const remoteId = String(remote['id'])
    if (row.remote_id !== remoteId)
      fail(
        `op${n}: ${describeRow(row)} says lead ${String(row.remote_id)}, Pipedrive made ${remoteId}`,
      )

    // The person it was captured with, or the one a waiting-lead edit gave it.
    if (lead.editedPersonId !== undefined) {
      if (remote['person_id'] !== lead.editedPersonId)
        fail(
          `op${n}: lead ${remoteId} has person ${String(remote['person_id'])}, the edit ${lead.editedPersonId}`,
        )
    } else if (op.person?.kind === 'existing') {
      if (remote['person_id'] !== op.person.id)
        fail(
          `op${n}: lead ${remoteId} has person ${String(remote['person_id'])}, the draft ${op.person.id}`,
        )
    } else if (op.person?.kind === 'new') {
      const personRow = personRowOf.get(n)
      const id = Number(personRow?.remote_id)
      const person = personById.get(id)
      const label = `"${op.person.name}" ${op.person.email ?? op.person.phone ?? '(no email, no phone)'}`
      if (remote['person_id'] !== id)
        fail(
          `op${n}: lead ${remoteId} has person ${String(remote['person_id'])}, its person row says ${String(personRow?.remote_id)} (${label})`,
        )
      if (!person)
        fail(`op${n}: person ${String(personRow?.remote_id)} (${label}) is not in Pipedrive`)
      else {
        if (id <= baseline.personMaxId)
          fail(
            `op${n}: the new person ${label} is person ${id}, which Pipedrive had before the run: a namesake taken for it`,
          )
        if (person['name'] !== op.person.name)
          fail(`op${n}: person ${id} is "${String(person['name'])}", not ${label}`)
        if (op.person.email && !contactValues(person['emails']).includes(op.person.email))
          fail(`op${n}: person ${id} has no email ${op.person.email}`)
        if (op.person.phone && !contactValues(person['phones']).includes(op.person.phone))
          fail(`op${n}: person ${id} has no phone ${op.person.phone}`)
        if (!op.person.email && contactValues(person['emails']).length > 0)
          fail(
            `op${n}: person ${id} (${label}) has emails ${JSON.stringify(person['emails'])}: someone else's`,
          )
      }
      if (op.person.email) {
        const email = op.person.email
        const name = op.person.name
        const same = persons.filter(
          (p) => p['name'] === name && contactValues(p['emails']).includes(email),
        )
        if (same.length !== 1)
          fail(
            `op${n}: Pipedrive has ${same.length} persons "${name}" <${email}>: ${same.map((p) => String(p['id'])).join(', ')}`,
          )
      }
    } else if (remote['person_id'] !== null && remote['person_id'] !== undefined) {
      fail(`op${n}: lead ${remoteId} has person ${String(remote['person_id'])}, the draft none`)
    }

    // The organization it was captured with.
    if (op.organization?.kind === 'existing') {
      if (remote['organization_id'] !== op.organization.id)
        fail(
          `op${n}: lead ${remoteId} has organization ${String(remote['organization_id'])}, the draft ${op.organization.id}`,
        )
    } else if (op.organization?.kind === 'new') {
      const organizationRow = organizationRowOf.get(n)
      const id = Number(organizationRow?.remote_id)
      const organization = organizationById.get(id)
      const label = `"${op.organization.name}"`
      if (remote['organization_id'] !== id)
        fail(
          `op${n}: lead ${remoteId} has organization ${String(remote['organization_id'])}, its organization row says ${String(organizationRow?.remote_id)} (${label})`,
        )
      if (!organization)
        fail(
          `op${n}: organization ${String(organizationRow?.remote_id)} (${label}) is not in Pipedrive`,
        )
      else {
        claim(claimedOrganizations, id, n, 'organization')
        if (id <= baseline.organizationMaxId)
          fail(
            `op${n}: the new organization ${label} is organization ${id}, which Pipedrive had before the run: a namesake taken for it`,
          )
        if (organization['name'] !== op.organization.name)
          fail(`op${n}: organization ${id} is "${String(organization['name'])}", not ${label}`)
      }
    } else if (remote['organization_id'] !== null && remote['organization_id'] !== undefined) {
      fail(
        `op${n}: lead ${remoteId} has organization ${String(remote['organization_id'])}, the draft none`,
      )
    }

    // Its note, once, on it.
    if (op.note) {
      const noteRow = noteRowOf.get(n)
      const id = Number(noteRow?.remote_id)
      const note = noteById.get(id)
      if (!note)
        fail(`op${n}: note ${String(noteRow?.remote_id)} ("${op.note}") is not in Pipedrive`)
      else {
        claim(claimedNotes, id, n, 'note')
        if (note['content'] !== op.note)
          fail(`op${n}: note ${id} says "${String(note['content'])}", not "${op.note}"`)
        if (!isOnLead(note, remoteId))
          fail(`op${n}: note ${id} is on lead ${String(note['lead_id'])}, not ${remoteId}`)
      }
      const same = notes.filter((x) => x['content'] === op.note)
      if (same.length !== 1)
        fail(
          `op${n}: Pipedrive has ${same.length} notes "${op.note}": ${same.map((x) => `${String(x['id'])} on ${String(x['lead_id'])}`).join(', ')}`,
        )
    }

    // Its activity, once, on it, with its person taking part.
    if (op.activity) {
      const activityRow = activityRowOf.get(n)
      const id = Number(activityRow?.remote_id)
      const activity = activityById.get(id)
      const { subject } = op.activity
      if (!activity)
        fail(
          `op${n}: activity ${String(activityRow?.remote_id)} ("${subject}") is not in Pipedrive`,
        )
      else {
        claim(claimedActivities, id, n, 'activity')
        if (activity['subject'] !== subject)
          fail(`op${n}: activity ${id} is "${String(activity['subject'])}", not "${subject}"`)
        if (!isOnLead(activity, remoteId))
          fail(`op${n}: activity ${id} is on lead ${String(activity['lead_id'])}, not ${remoteId}`)
        // Queued anew, with the lead's new person, by an edit while the lead waited.
        const personId =
          lastWaitingEdit(n) !== undefined
            ? lastWaitingEdit(n)!.personId
            : op.person?.kind === 'existing'
              ? op.person.id
              : op.person?.kind === 'new'
                ? Number(personRowOf.get(n)?.remote_id)
                : null
        if (activity['person_id'] !== personId)
          fail(
            `op${n}: activity ${id} has person ${String(activity['person_id'])}, the lead ${String(personId)}`,
          )
      }
      const same = activities.filter((x) => x['subject'] === subject)
      if (same.length !== 1)
        fail(
          `op${n}: Pipedrive has ${same.length} activities "${subject}": ${same.map((x) => String(x['id'])).join(', ')}`,
        )
    }

    // As the last committed changes left it.
    const status: Status = removed ?? 'active'
    if (status !== lead.status)
      fail(`op${n}: lead ${remoteId} is ${status}, the plan left it ${lead.status}`)
    if (remote['title'] !== lead.title)
      fail(
        `op${n}: lead ${remoteId} is titled "${String(remote['title'])}", the last edit said "${lead.title}"`,
      )
    if (!sameValue(remote['value'], lead.value))
      fail(
        `op${n}: lead ${remoteId} has value ${JSON.stringify(remote['value'])}, the last edit said ${JSON.stringify(lead.value)}`,
      )
    if (Boolean(remote['is_archived']) !== lead.archived)
      fail(
        `op${n}: lead ${remoteId} is${remote['is_archived'] ? '' : ' not'} archived, the plan left it${lead.archived ? '' : ' not'} archived`,
      )
    const ofLead = conversions.filter((c) => c['lead_id'] === remoteId)
    const wanted = lead.status === 'converted' ? 1 : 0
    if (ofLead.length !== wanted)
      fail(
        `op${n}: lead ${remoteId} has ${ofLead.length} conversions (${ofLead.map((c) => String(c['status'])).join(', ')}), the plan asked ${wanted}`,
      )
    else if (wanted === 1 && ofLead[0]!['status'] !== 'completed')
      fail(`op${n}: the conversion of lead ${remoteId} is ${String(ofLead[0]!['status'])}`)
  }

  // --- Every new person sent once, for its own row (shared by two leads, or not) ---
  const personRowOfId = new Map<number, number>()
  for (const [rowId, owners] of personOwners) {
    const row = rowById.get(rowId)!
    if (row.state !== 'sent') continue
    const id = Number(row.remote_id)
    const other = personRowOfId.get(id)
    if (other !== undefined)
      fail(`${describeRow(row)} and row ${other} both took person ${id}: one has none of its own`)
    personRowOfId.set(id, rowId)
    claimedPersons.set(id, owners[0]!)
    const person = personById.get(id)
    if (!person) fail(`${describeRow(row)}: person ${id} is not in Pipedrive`)
    else if (person['name'] !== payloadOf(row)['name'])
      fail(`${describeRow(row)}: person ${id} is "${String(person['name'])}", not ${row.payload}`)
    if (id <= baseline.personMaxId)
      fail(`${describeRow(row)} took person ${id}, which Pipedrive had before the run: a namesake`)
  }

  // --- The pane's notes, activities and done marks: once each, on their lead ---
  const remoteLeadOf = (lead: LeadTarget): string | null => {
    if (lead.kind === 'pipedrive') return input.pipedriveLeads[lead.index]?.id ?? null
    const clientId = captureRows.get(lead.n)?.client_id
    const found = allLeads.find(({ lead: l }) => l['origin_id'] === clientId)
    return found ? String(found.lead['id']) : null
  }
  /** The Pipedrive id of the activity a done mark was meant for. */
  const activityIdOf = (op: Extract<PaneOp, { type: 'done' }>): number | null => {
    const target = op.activity
    if (target.kind === 'pipedrive')
      return input.pipedriveLeads[target.lead]?.activityIds[target.index] ?? null
    const row = activityRowOf.get(target.n) ?? paneRows.get(target.n)
    return row?.remote_id ? Number(row.remote_id) : null
  }
  const markedDone = new Set<number>()
  for (const [n, row] of paneRows) {
    const op = plan.ops[n] as PaneOp
    const where = `op${n} (${op.type} on ${leadName(op.lead)})`
    if (op.lead.kind === 'capture' && discarded.has(op.lead.n)) {
      // Added while the lead waited, discarded with it: never in Pipedrive.
      const text =
        op.type === 'note' ? op.content : op.type === 'activity' ? op.activity.subject : ''
      const records = op.type === 'note' ? notes : activities
      const field = op.type === 'note' ? 'content' : 'subject'
      if (text && records.some((r) => r[field] === text))
        fail(`${where}: "${text}" is in Pipedrive, though its lead was discarded while waiting`)
      continue
    }
    const leadId = remoteLeadOf(op.lead)
    if (leadId === null) {
      fail(`${where}: the lead is not in Pipedrive`)
      continue
    }
    if (op.type === 'done') {
      const wanted = activityIdOf(op)
      const activityId = Number(payloadOf(row)['activityId'])
      if (activityId !== wanted)
        fail(`${where}: ${describeRow(row)} marks activity ${activityId}, not ${String(wanted)}`)
      markedDone.add(activityId)
      continue
    }
    const [text, records, claims, label] =
      op.type === 'note'
        ? ([op.content, notes, claimedNotes, 'note'] as const)
        : ([op.activity.subject, activities, claimedActivities, 'activity'] as const)
    const field = op.type === 'note' ? 'content' : 'subject'
    const id = Number(row.remote_id)
    const record = records.find((r) => Number(r['id']) === id)
    if (!record) fail(`${where}: ${label} ${String(row.remote_id)} ("${text}") is not in Pipedrive`)
    else {
      claim(claims, id, n, label)
      if (record[field] !== text)
        fail(`${where}: ${label} ${id} says "${String(record[field])}", not "${text}"`)
      if (!isOnLead(record, leadId))
        fail(`${where}: ${label} ${id} is on lead ${String(record['lead_id'])}, not ${leadId}`)
    }
    const same = records.filter((r) => r[field] === text)
    if (same.length !== 1)
      fail(
        `${where}: Pipedrive has ${same.length} ${label}s "${text}": ${same.map((r) => `${String(r['id'])} on ${String(r['lead_id'])}`).join(', ')}`,
      )
  }
  // Done exactly where the user marked it: the activities the run made, and the
  // Pipedrive-only leads' own.
  const watched = new Set([
    ...claimedActivities.keys(),
    ...input.pipedriveLeads.flatMap((lead) => lead.activityIds),
  ])
  for (const id of watched) {
    const activity = activityById.get(id)
    if (!activity) {
      if (id <= baseline.activityMaxId) fail(`activity ${id} of a Pipedrive-only lead is gone`)
      continue
    }
    if (Boolean(activity['done']) !== markedDone.has(id))
      fail(
        `activity ${id} "${String(activity['subject'])}" is${activity['done'] ? '' : ' not'} done, the user${markedDone.has(id) ? '' : ' never'} marked it done`,
      )
  }

  // --- Nothing made that no capture asked for ---
  const prefix = `chaos s${seed} op`
  for (const { lead } of allLeads) {
    const title = String(lead['title'])
    if (title.startsWith(prefix) && !ourClientIds.has(String(lead['origin_id']))) {
      fail(
        `Pipedrive has lead ${String(lead['id'])} "${title}" with origin_id ${String(lead['origin_id'])}, which no outbox row sent`,
      )
    }
  }
  const newPersons = persons.filter((p) => Number(p['id']) > baseline.personMaxId)
  for (const p of newPersons) {
    if (!claimedPersons.has(Number(p['id']))) {
      fail(
        `person ${String(p['id'])} "${String(p['name'])}" ${JSON.stringify(contactValues(p['emails']))} was made during the run for no capture: a duplicate`,
      )
    }
  }
  const newOrganizations = organizations.filter((o) => Number(o['id']) > baseline.organizationMaxId)
  for (const o of newOrganizations) {
    if (!claimedOrganizations.has(Number(o['id']))) {
      fail(
        `organization ${String(o['id'])} "${String(o['name'])}" was made during the run for no capture: a duplicate`,
      )
    }
  }
  const newNotes = notes.filter((note) => Number(note['id']) > baseline.noteMaxId)
  for (const note of newNotes) {
    if (!claimedNotes.has(Number(note['id']))) {
      fail(
        `note ${String(note['id'])} "${String(note['content'])}" on lead ${String(note['lead_id'])} was made during the run for no capture or pane: a duplicate`,
      )
    }
  }
  const newActivities = activities.filter((a) => Number(a['id']) > baseline.activityMaxId)
  for (const activity of newActivities) {
    if (!claimedActivities.has(Number(activity['id']))) {
      fail(
        `activity ${String(activity['id'])} "${String(activity['subject'])}" on lead ${String(activity['lead_id'])} was made during the run for no capture or pane: a duplicate`,
      )
    }
  }
  const ourLeadIds = new Set(
    allLeads
      .filter(({ lead }) => ourClientIds.has(String(lead['origin_id'])))
      .map(({ lead }) => String(lead['id'])),
  )
  const ourConversions = conversions.filter((c) => ourLeadIds.has(String(c['lead_id'])))

  return {
    failures,
    acceptedAttention,
    facts: {
      rows: rows.length,
      leads: ourLeadIds.size,
      persons: newPersons.length,
      organizations: newOrganizations.length,
      notes: newNotes.length,
      activities: newActivities.length,
      conversions: ourConversions.length,
      lateAccepted,
      lateRefused,
      paneNotes: [...paneRows.values()].filter((r) => r.kind === 'note.create').length,
      paneActivities: [...paneRows.values()].filter((r) => r.kind === 'activity.create').length,
      doneMarks: [...paneRows.values()].filter((r) => r.kind === 'activity.done').length,
      doneSkipped,
      waitingEdits: [...waitingEdits.values()].filter((how) => how === 'waiting').length,
      editsOnTheirWay: [...waitingEdits.values()].filter((how) => how === 'on its way').length,
      sharedPersons: [...personOwners.values()].filter((owners) => owners.length > 1).length,
      personsLetGoOnTheirWay,
      discardedWhileWaiting: discarded.size,
    },
  }
}
