import {
  outboxStates,
  type OutboxItem,
  type OutboxKind,
  type OutboxState,
} from '../../../shared/ipc/contract'
import type { LeadRef } from '../../../shared/leads/lead-change'
import { leadDraftSchema, type LeadDraft } from '../../../shared/leads/lead-draft'
import {
  defaultActivitySubject,
  dueInUtc,
  type NextActivity,
} from '../../../shared/leads/next-activity'
import { LeadboxError, fieldErrors } from '../../../shared/result'
import type { Db } from '../db/database'
import { defaultTiming, dueAtSql } from './lost-requests'
import { createRowWriter, type Role } from './row-writer'
import { createUnwantedContacts } from './unwanted-contacts'
import { createWaitingContacts, type WaitingLead, type WaitingPerson } from './waiting-contacts'

interface Row {
  id: number
  client_id: string
  kind: OutboxKind
  state: OutboxState
  payload: string
  title: string
  attempts: number
  next_attempt_at: number | null
  last_error: string | null
  remote_id: string | null
  created_at: number
  updated_at: number
  depends_on: string | null
  conflict: string | null
  lead_ref: string | null
  person_name: string | null
  organization_name: string | null
}

/** What a lead row stores: the draft, with new people and organizations split off. */
export type LeadCreatePayload = Omit<LeadDraft, 'person' | 'organization' | 'note' | 'activity'> & {
  personId?: number
  organizationId?: number
}

export interface Outbox {
  /** Validates, then commits the lead and what it needs in one transaction. */
  enqueueLead(draft: unknown): OutboxItem
  /** The shared schema's rules, plus what only the catalog knows: labels that exist. */
  validateDraft(draft: unknown): LeadDraft
  /** Refuses an activity type the company does not have, naming `field` as the culprit. */
  checkActivityType(key: string, field: string): void
  list(): OutboxItem[]
  get(id: number): OutboxItem | undefined
  counts(): Record<OutboxState, number>
  /** Sends a row again now: after an edit, or when the user will not wait for the backoff. */
  retry(id: number): OutboxItem
  /** Cancels a row and every row waiting on it; returns what was cancelled. */
  discard(id: number): OutboxItem[]
  /**
   * Queues an activity on a lead (in Pipedrive, or waiting here), with the lead's person (in
   * Pipedrive, or queued as `personRowId`) taking part. Inside the caller's transaction.
   */
  queueActivity(
    lead: LeadRef,
    title: string,
    activity: NextActivity,
    personId: number | undefined,
    personRowId: number | undefined,
    /** Added on the lead's pane, not with the lead's draft. */
    onPane?: boolean,
  ): number
  /** Forgets sent and cancelled rows older than `age` milliseconds. */
  prune(age: number): number
  /** New persons and leads not yet sent, which quick add reads lines against too. */
  waiting(): { persons: WaitingPerson[]; leads: WaitingLead[] }
}

/**
 * The name of a new lead's person or organization: the one queued with it, or the one it
 * names in Pipedrive as the catalog knows it.
 */
const contactName = (role: 'person' | 'organization') => `CASE WHEN o.kind = 'lead.create' THEN
  COALESCE(
    (SELECT p.title FROM outbox_dependency d JOIN outbox p ON p.id = d.parent_id
      WHERE d.row_id = o.id AND d.role = '${role}'),
    (SELECT c.name FROM catalog_${role} c WHERE c.id = json_extract(o.payload, '$.${role}Id')))
  END`

// The next try as the queue will take it: for a row with lost requests, not before they can
// no longer land, though no backoff of its own is set.
const selectWith = (landingWindowMs: number) => `
  SELECT o.id, o.client_id, o.kind, o.state, o.payload, o.title, o.attempts,
         CASE WHEN o.state IN ('queued', 'uncertain')
               AND (o.next_attempt_at IS NOT NULL OR o.last_lost_at IS NOT NULL)
              THEN ${dueAtSql(String(Math.round(landingWindowMs)))} END AS next_attempt_at,
         o.last_error, o.remote_id, o.created_at, o.updated_at, o.conflict, o.lead_ref,
         (SELECT group_concat(d.parent_id) FROM outbox_dependency d WHERE d.row_id = o.id) AS depends_on,
         ${contactName('person')} AS person_name,
         ${contactName('organization')} AS organization_name
  FROM outbox o`

function leadRefOf(key: string | null): LeadRef | null {
  if (key === null) return null
  const [scheme, value = ''] = key.split(/:(.*)/s)
  return scheme === 'outbox' ? { outboxId: Number(value) } : { remoteId: value }
}

function summaryOf(row: Row): OutboxItem['summary'] {
  if (row.kind !== 'lead.create') return null
  const lead = JSON.parse(row.payload) as LeadCreatePayload
  return {
    personName: row.person_name,
    organizationName: row.organization_name,
    value: lead.value ?? null,
    labelIds: lead.labelIds ?? [],
  }
}

function toItem(row: Row): OutboxItem {
  return {
    id: row.id,
    clientId: row.client_id,
    kind: row.kind,
    state: row.state,
    title: row.title,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    remoteId: row.remote_id,
    lead: leadRefOf(row.lead_ref),
    dependsOn: row.depends_on
      ? row.depends_on
          .split(',')
          .map(Number)
          .sort((a, b) => a - b)
      : [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    conflict: row.conflict
      ? (JSON.parse(row.conflict) as { fields: OutboxItem['conflict'] }).fields
      : null,
    summary: summaryOf(row),
  }
}

// States a user may cancel: nothing is on the wire for them right now.
const discardable = new Set<OutboxState>(['queued', 'needs_attention', 'uncertain'])
const retryable = new Set<OutboxState>(['queued', 'needs_attention'])

export interface OutboxOptions {
  /** Label ids Pipedrive has, or null before the catalog knows any. */
  knownLabelIds?(): Set<string> | null
  /** The queue's landing window for lost requests, so a row says when it is tried next. */
  landingWindowMs?: number
  /** The company's active activity types, or none before the catalog knows them. */
  activityTypes?(): Array<{ key: string; name: string }>
}

export function createOutbox(
  db: Db,
  now: () => number = Date.now,
  options: OutboxOptions = {},
): Outbox {
  const rows = createRowWriter(db, now)
  const waitingContacts = createWaitingContacts(db)
  const unwantedContacts = createUnwantedContacts(db, now)
  const select = selectWith(options.landingWindowMs ?? defaultTiming.landingWindowMs)
  const byId = db.prepare<[number], Row>(`${select} WHERE o.id = ?`)
  const all = db.prepare<[], Row>(`${select} ORDER BY o.id DESC`)
  const countByState = db.prepare<[], { state: OutboxState; n: number }>(
    'SELECT state, count(*) AS n FROM outbox GROUP BY state',
  )
  const dependents = db.prepare<[number], { row_id: number }>(
    'SELECT row_id FROM outbox_dependency WHERE parent_id = ?',
  )
  const setState = db.prepare<[OutboxState, number, number]>(
    'UPDATE outbox SET state = ?, updated_at = ? WHERE id = ?',
  )

  const typeName = (key: string) =>
    options.activityTypes?.().find((type) => type.key === key)?.name ?? key
  /** The lead's next activity, with the lead's person (queued or in Pipedrive) taking part. */
  const queueActivity = (
    lead: LeadRef,
    title: string,
    { subject, type, dueDate, dueTime }: NextActivity,
    personId: number | undefined,
    personRowId: number | undefined,
    onPane = false,
  ) =>
    rows.addActivity(
      lead,
      {
        type,
        ...dueInUtc(dueDate, dueTime),
        subject: subject ?? defaultActivitySubject(typeName(type), title),
        ...(personId === undefined ? {} : { personId }),
        ...(onPane ? { addedOnPane: true as const } : {}),
      },
      personRowId,
    )

  const enqueue = db.transaction((draft: LeadDraft): number => {
    const { person, organization, note, activity, ...lead } = draft
    const payload: LeadCreatePayload = { ...lead }
    const parents: Array<[number, Role]> = []
    let newPerson: number | undefined
    let queuedOrganization: number | undefined
    if (person?.kind === 'existing') payload.personId = person.id
    let twin: number | undefined
    if (person?.kind === 'new') {
      const { kind: _kind, queuedAs, ...fields } = person
      // The same new person named again, chosen on the chip or known by the same email or
      // phone: the lead waits for the one already queued.
      twin =
        queuedAs !== undefined && waitingContacts.isPerson(queuedAs)
          ? queuedAs
          : waitingContacts.twinOf(fields)?.rowId
      if (twin !== undefined) parents.push([twin, 'person'])
      else {
        // Named with an organization Pipedrive has: the new person is made in it.
        const works = organization?.kind === 'existing' ? { orgId: organization.id } : {}
        newPerson = rows.add('person.create', { ...fields, ...works }, person.name)
        parents.push([newPerson, 'person'])
      }
    }
    if (organization?.kind === 'existing') payload.organizationId = organization.id
    if (organization?.kind === 'new') {
      // A name is all a new organization has, and a name alone is no proof of a twin.
      queuedOrganization = rows.add(
        'organization.create',
        { name: organization.name },
        organization.name,
      )
      parents.push([queuedOrganization, 'organization'])
    }
    // A new person named with a new organization is made in it: sent after it, with its id.
    if (newPerson !== undefined && queuedOrganization !== undefined) {
      rows.link(newPerson, queuedOrganization, 'organization')
    }
    const leadId = rows.add('lead.create', payload, draft.title)
    for (const [parent, role] of parents) rows.link(leadId, parent, role)
    if (note) rows.addNote({ outboxId: leadId }, note)
    if (activity) {
      queueActivity(
        { outboxId: leadId },
        draft.title,
        activity,
        payload.personId,
        newPerson ?? twin,
      )
    }
    return leadId
  })

  const get = (id: number) => {
    const row = byId.get(id)
    return row ? toItem(row) : undefined
  }
  const mustGet = (id: number) => {
    const item = get(id)
    if (!item) throw new LeadboxError('not_found', 'This item is no longer in the outbox.')
    return item
  }

  const cancelTree = db.transaction((id: number): number[] => {
    const cancelled: number[] = []
    const visit = (rowId: number) => {
      const item = mustGet(rowId)
      if (!discardable.has(item.state)) return
      setState.run('cancelled', now(), rowId)
      cancelled.push(rowId)
      for (const { row_id } of dependents.all(rowId)) visit(row_id)
    }
    visit(id)
    return cancelled
  })

  // Pipedrive refuses a type it does not have; the catalog knows them once refreshed.
  const checkActivityType = (key: string, field: string) => {
    const types = options.activityTypes?.() ?? []
    if (types.length > 0 && !types.some((type) => type.key === key)) {
      throw new LeadboxError(
        'invalid_request',
        'Your Pipedrive company has no activity of that type.',
        { [field]: 'This activity type is not in Pipedrive' },
      )
    }
  }

  const validateDraft = (input: unknown): LeadDraft => {
    const parsed = leadDraftSchema.safeParse(input)
    if (!parsed.success) {
      throw new LeadboxError(
        'invalid_request',
        'The lead is not complete yet.',
        fieldErrors(parsed.error),
      )
    }
    // Pipedrive refuses a label it does not have; say so now rather than after a sync.
    const known = options.knownLabelIds?.() ?? null
    const unknown = (parsed.data.labelIds ?? []).flatMap((id, index) =>
      known && !known.has(id) ? [[`labelIds.${index}`, 'This label is not in Pipedrive']] : [],
    )
    if (unknown.length > 0) {
      throw new LeadboxError(
        'invalid_request',
        'A label of this lead is not in Pipedrive.',
        Object.fromEntries(unknown),
      )
    }
    if (parsed.data.activity) checkActivityType(parsed.data.activity.type, 'activity.type')
    return parsed.data
  }

  return {
    enqueueLead: (input) => mustGet(enqueue(validateDraft(input))),
    queueActivity,
    validateDraft,
    checkActivityType,
    list: () => all.all().map(toItem),
    get,
    counts() {
      const counts = Object.fromEntries(outboxStates.map((state) => [state, 0])) as Record<
        OutboxState,
        number
      >
      for (const { state, n } of countByState.all()) counts[state] = n
      return counts
    },
    retry(id) {
      const item = mustGet(id)
      if (!retryable.has(item.state)) {
        throw new LeadboxError(
          'invalid_request',
          `A ${item.state.replace('_', ' ')} item cannot be retried.`,
        )
      }
      db.prepare(
        'UPDATE outbox SET state = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?',
      ).run('queued', now(), now(), id)
      return mustGet(id)
    },
    discard(id) {
      const item = mustGet(id)
      if (!discardable.has(item.state)) {
        throw new LeadboxError(
          'invalid_request',
          `A ${item.state.replace('_', ' ')} item cannot be discarded.`,
        )
      }
      return db.transaction(() => {
        const cancelled = cancelTree(id)
        // A new person or organization queued only for what was discarded goes with it.
        const released = cancelled.flatMap((rowId) => unwantedContacts.parentsOf(rowId))
        return [...cancelled, ...unwantedContacts.cancel(released)].map(mustGet)
      })()
    },
    prune(age) {
      const before = now() - age
      return db.transaction(() => {
        // Dependency links of old rows go first; a row still needed by a live one stays.
        const old = `SELECT id FROM outbox WHERE state IN ('sent', 'cancelled') AND updated_at < ?
          AND id NOT IN (SELECT d.parent_id FROM outbox_dependency d JOIN outbox o ON o.id = d.row_id
                         WHERE o.state NOT IN ('sent', 'cancelled'))
          AND 'outbox:' || id NOT IN (SELECT lead_ref FROM outbox
                         WHERE lead_ref IS NOT NULL AND state NOT IN ('sent', 'cancelled'))`
        const ids = db
          .prepare<[number], { id: number }>(old)
          .all(before)
          .map((row) => row.id)
        const unlink = db.prepare('DELETE FROM outbox_dependency WHERE row_id = ? OR parent_id = ?')
        const remove = db.prepare('DELETE FROM outbox WHERE id = ?')
        for (const rowId of ids) unlink.run(rowId, rowId)
        for (const rowId of ids) remove.run(rowId)
        return ids.length
      })()
    },
    waiting: () => ({ persons: waitingContacts.persons(), leads: waitingContacts.leads() }),
  }
}
