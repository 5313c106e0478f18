import type { OutboxItem, OutboxKind, OutboxState } from '../../../shared/ipc/contract'
import type { LeadFields } from '../../../shared/leads/lead-change'
import type { LeadDraft, OrganizationRef, PersonRef } from '../../../shared/leads/lead-draft'
import { dueInLocal } from '../../../shared/leads/next-activity'
import { LeadboxError } from '../../../shared/result'
import type { Db } from '../db/database'
import type { LeadCreatePayload, Outbox } from './outbox'
import { createRowWriter, type ActivityCreatePayload } from './row-writer'
import { createUnwantedContacts } from './unwanted-contacts'
import { createWaitingContacts } from './waiting-contacts'

type Role = 'person' | 'organization'
interface Linked {
  id: number
  state: OutboxState
  payload: string
}

/**
 * A lead still waiting in the outbox, as a whole draft: its row, the new person or
 * organization queued before it, and the note queued after it. The user edits it in the
 * lead form and Leadbox writes it back across those rows.
 */
export interface PendingLeads {
  draftOf(id: number): LeadDraft
  edit(id: number, draft: unknown): OutboxItem
}

const unsent = (state: OutboxState) => state === 'queued' || state === 'needs_attention'

export function createPendingLeads(
  db: Db,
  outbox: Outbox,
  now: () => number = Date.now,
): PendingLeads {
  const leadRow = db.prepare<[number], { kind: OutboxKind; state: OutboxState; payload: string }>(
    'SELECT kind, state, payload FROM outbox WHERE id = ?',
  )
  const parentOf = db.prepare<[number, Role], Linked>(
    `SELECT p.id, p.state, p.payload FROM outbox_dependency d JOIN outbox p ON p.id = d.parent_id
     WHERE d.row_id = ? AND d.role = ?`,
  )
  // The draft's own note and activity; those added on the lead's pane are the pane's.
  const noteOf = db.prepare<[number], Linked>(
    `SELECT o.id, o.state, o.payload FROM outbox o JOIN outbox_dependency d ON d.row_id = o.id
     WHERE d.parent_id = ? AND o.kind = 'note.create' AND o.state <> 'cancelled'
       AND json_extract(o.payload, '$.addedOnPane') IS NULL`,
  )
  const activityOf = db.prepare<[number], Linked>(
    `SELECT o.id, o.state, o.payload FROM outbox o JOIN outbox_dependency d ON d.row_id = o.id
     WHERE d.parent_id = ? AND d.role = 'lead' AND o.kind = 'activity.create'
       AND o.state <> 'cancelled' AND json_extract(o.payload, '$.addedOnPane') IS NULL`,
  )
  const paneActivitiesOf = db.prepare<[number], { id: number; payload: string }>(
    `SELECT o.id, o.payload FROM outbox o JOIN outbox_dependency d ON d.row_id = o.id
     WHERE d.parent_id = ? AND d.role = 'lead' AND o.kind = 'activity.create'
       AND o.state IN ('queued', 'needs_attention')
       AND json_extract(o.payload, '$.addedOnPane') IS NOT NULL`,
  )
  const personOfRow = db.prepare<[number], { parent_id: number }>(
    `SELECT parent_id FROM outbox_dependency WHERE row_id = ? AND role = 'person'`,
  )
  const organizationOfPerson = db.prepare<[number], { parent_id: number }>(
    `SELECT parent_id FROM outbox_dependency WHERE row_id = ? AND role = 'organization'`,
  )
  // Rows besides this lead, its own note and activity and its own person: another lead that
  // reuses the person, or another lead's person made in the organization.
  const othersWaitingFor = db.prepare<[number, number, number, number], { n: number }>(
    `SELECT COUNT(*) AS n FROM outbox_dependency d JOIN outbox o ON o.id = d.row_id
     WHERE d.parent_id = ? AND o.state <> 'cancelled' AND d.row_id <> ?
       AND d.row_id NOT IN (SELECT row_id FROM outbox_dependency WHERE parent_id = ? AND role = 'lead')
       AND d.row_id NOT IN (SELECT parent_id FROM outbox_dependency WHERE row_id = ?)`,
  )
  const waitingContacts = createWaitingContacts(db)
  const unwantedContacts = createUnwantedContacts(db, now)
  // Edits queued as changes of the lead while it waits: each waits for the lead's create.
  const waitingUpdates = db.prepare<[string], { id: number; payload: string }>(
    `SELECT id, payload FROM outbox WHERE lead_ref = ? AND kind = 'lead.update'
       AND state IN ('queued', 'needs_attention') ORDER BY id`,
  )
  const rows = createRowWriter(db, now)
  const unlink = db.prepare('DELETE FROM outbox_dependency WHERE row_id = ? AND parent_id = ?')
  const rewrite = db.prepare(
    'UPDATE outbox SET payload = ?, title = ?, updated_at = ? WHERE id = ?',
  )
  const rewritePayload = db.prepare('UPDATE outbox SET payload = ?, updated_at = ? WHERE id = ?')
  const cancel = db.prepare(`UPDATE outbox SET state = 'cancelled', updated_at = ? WHERE id = ?`)
  const requeue = db.prepare(
    `UPDATE outbox SET payload = ?, title = ?, state = 'queued', last_error = NULL,
       next_attempt_at = NULL, updated_at = ? WHERE id = ?`,
  )

  const pendingCreate = (id: number) => {
    const row = leadRow.get(id)
    if (!row || row.kind !== 'lead.create' || row.state === 'cancelled' || row.state === 'sent') {
      throw new LeadboxError('not_found', 'This lead is no longer waiting in the outbox.')
    }
    return row
  }

  /** The draft with a queued change of the lead applied: the lead as Pipedrive will have it. */
  const withChange = (draft: LeadDraft, after: LeadFields): LeadDraft => {
    const { personId, organizationId, customFields, ...fields } = after
    const next: Record<string, unknown> = { ...draft }
    // A change names only the custom fields it changed.
    if (customFields) next['customFields'] = { ...draft.customFields, ...customFields }
    for (const [key, value] of Object.entries(fields)) {
      if (value === null) delete next[key]
      else next[key] = value
    }
    if (personId === null) delete next['person']
    else if (personId !== undefined) next['person'] = { kind: 'existing', id: personId }
    if (organizationId === null) delete next['organization']
    else if (organizationId !== undefined)
      next['organization'] = { kind: 'existing', id: organizationId }
    return next as LeadDraft
  }

  const sharedWithOthers = (parentId: number, leadId: number) =>
    othersWaitingFor.get(parentId, leadId, leadId, leadId)!.n > 0
  const nameOf = (payload: string) =>
    ((JSON.parse(payload) as { name?: string }).name ?? '').trim().toLowerCase()

  /**
   * Points the lead at an existing contact, a new one (queued first), or none. A contact the
   * lead lets go is only noted: whether it is still wanted is known once every row is
   * rewritten (`unwantedContacts`).
   */
  function setContact(
    leadId: number,
    role: Role,
    ref: PersonRef | OrganizationRef | undefined,
    released: number[],
  ) {
    let parent = parentOf.get(leadId, role)
    const release = (row: Linked) => {
      unlink.run(leadId, row.id)
      released.push(row.id)
    }
    if (ref?.kind === 'new') {
      // Which queued person quick add chose is no field of the person.
      const { kind: _kind, ...given } = ref
      const { queuedAs, ...fields } = given as typeof given & { queuedAs?: number }
      // Already on its way or in Pipedrive: that one stays the lead's.
      if (parent && !unsent(parent.state)) return
      const chosen =
        queuedAs !== undefined && waitingContacts.isPerson(queuedAs) ? queuedAs : undefined
      if (role === 'person' && chosen !== undefined && chosen !== parent?.id) {
        if (parent) release(parent)
        return rows.link(leadId, chosen, role)
      }
      // Another lead waits for this contact too: under another name it is someone else, so
      // this lead gets its own and the other keeps the one it has.
      if (
        parent &&
        sharedWithOthers(parent.id, leadId) &&
        nameOf(parent.payload) !== ref.name.trim().toLowerCase()
      ) {
        release(parent)
        parent = undefined
      }
      if (parent) return void rewrite.run(JSON.stringify(fields), ref.name, now(), parent.id)
      rows.link(leadId, rows.add(`${role}.create`, fields, ref.name), role)
      return
    }
    if (parent) release(parent)
  }

  /** Cancels the contacts let go that nothing waits for any more, and theirs in turn. */
  /**
   * A new person is made in the lead's new organization, as when the lead was queued. Kept
   * in step after an edit, or the person would wait for an organization nobody sends.
   */
  function linkPersonToOrganization(
    leadId: number,
    released: number[],
    organizationId: number | undefined,
  ) {
    const person = parentOf.get(leadId, 'person')
    if (!person || !unsent(person.state)) return
    // A person another lead waits for keeps the organization it was queued in.
    if (sharedWithOthers(person.id, leadId)) return
    const { orgId, ...fields } = JSON.parse(person.payload) as { orgId?: number }
    if (orgId !== organizationId) {
      const works = organizationId === undefined ? {} : { orgId: organizationId }
      rewritePayload.run(JSON.stringify({ ...fields, ...works }), now(), person.id)
    }
    const organization = parentOf.get(leadId, 'organization')
    const wanted = organization?.state === 'cancelled' ? undefined : organization?.id
    const current = organizationOfPerson.get(person.id)?.parent_id
    if (current === wanted) return
    if (current !== undefined) {
      unlink.run(person.id, current)
      released.push(current)
    }
    if (wanted !== undefined) rows.link(person.id, wanted, 'organization')
  }

  function setNote(leadId: number, content: string | undefined) {
    const note = noteOf.get(leadId)
    if (content === undefined) {
      if (note && unsent(note.state)) cancel.run(now(), note.id)
      return
    }
    if (note && !unsent(note.state)) return
    if (note)
      return void rewrite.run(JSON.stringify({ content }), content.slice(0, 80), now(), note.id)
    rows.addNote({ outboxId: leadId }, content)
  }

  /**
   * Activities added on the lead's pane while it waits take part with the lead's person, as
   * they did when added: they follow the person the edit gave the lead, and keep no person
   * the lead let go waiting to be sent for them alone.
   */
  function followPerson(leadId: number, personId: number | undefined, released: number[]) {
    const person = parentOf.get(leadId, 'person')
    const personRow = person && person.state !== 'cancelled' ? person.id : undefined
    for (const activity of paneActivitiesOf.all(leadId)) {
      const current = personOfRow.get(activity.id)?.parent_id
      if (current !== personRow) {
        if (current !== undefined) {
          unlink.run(activity.id, current)
          released.push(current)
        }
        if (personRow !== undefined) rows.link(activity.id, personRow, 'person')
      }
      const { personId: _was, ...payload } = JSON.parse(activity.payload) as ActivityCreatePayload
      const next = personId === undefined ? payload : { ...payload, personId }
      rewritePayload.run(JSON.stringify(next), now(), activity.id)
    }
  }

  /** The activity is queued again as the edited draft says, with the lead's person. */
  function setActivity(leadId: number, draft: LeadDraft, personId: number | undefined) {
    const queued = activityOf.get(leadId)
    if (queued && !unsent(queued.state)) return
    if (queued) cancel.run(now(), queued.id)
    if (!draft.activity) return
    const person = parentOf.get(leadId, 'person')
    outbox.queueActivity(
      { outboxId: leadId },
      draft.title,
      draft.activity,
      personId,
      person && person.state !== 'cancelled' ? person.id : undefined,
    )
  }

  return {
    draftOf(id) {
      const row = pendingCreate(id)
      const { personId, organizationId, ...lead } = JSON.parse(row.payload) as LeadCreatePayload
      const draft: LeadDraft = { ...lead }
      const person = parentOf.get(id, 'person')
      if (personId !== undefined) draft.person = { kind: 'existing', id: personId }
      else if (person) {
        // Where the person works follows the lead's organization: no field of the draft.
        const { orgId: _works, ...fields } = JSON.parse(person.payload) as {
          name: string
          orgId?: number
        }
        draft.person = { kind: 'new', ...fields }
      }
      const organization = parentOf.get(id, 'organization')
      if (organizationId !== undefined)
        draft.organization = { kind: 'existing', id: organizationId }
      else if (organization) {
        draft.organization = {
          kind: 'new',
          ...(JSON.parse(organization.payload) as { name: string }),
        }
      }
      const note = noteOf.get(id)
      if (note) draft.note = (JSON.parse(note.payload) as { content: string }).content
      const activity = activityOf.get(id)
      if (activity) {
        const { type, subject, dueDate, dueTime } = JSON.parse(
          activity.payload,
        ) as ActivityCreatePayload
        draft.activity = { type, subject, ...dueInLocal(dueDate, dueTime) }
      }
      // Changes queued since, so the form shows the lead as it will be.
      return waitingUpdates
        .all(rows.leadKey({ outboxId: id }))
        .reduce(
          (current, update) =>
            withChange(current, (JSON.parse(update.payload) as { after: LeadFields }).after),
          draft,
        )
    },

    edit: db.transaction((id: number, input: unknown) => {
      const row = pendingCreate(id)
      if (!unsent(row.state)) {
        throw new LeadboxError(
          'invalid_request',
          'This lead is being sent right now; edit it once it is in Pipedrive.',
        )
      }
      const draft = outbox.validateDraft(input)
      const { person, organization, note, activity: _activity, ...lead } = draft
      const payload: LeadCreatePayload = { ...lead }
      if (person?.kind === 'existing') payload.personId = person.id
      if (organization?.kind === 'existing') payload.organizationId = organization.id
      const released: number[] = []
      setContact(id, 'person', person, released)
      setContact(id, 'organization', organization, released)
      linkPersonToOrganization(id, released, payload.organizationId)
      setNote(id, note)
      setActivity(id, draft, payload.personId)
      followPerson(id, payload.personId, released)
      unwantedContacts.cancel(released)
      requeue.run(JSON.stringify(payload), draft.title, now(), id)
      // The form showed them (`draftOf`) and saved the lead whole: sent after the create,
      // an older change would undo this newer edit.
      for (const update of waitingUpdates.all(rows.leadKey({ outboxId: id }))) {
        cancel.run(now(), update.id)
      }
      const item = outbox.get(id)
      if (!item)
        throw new LeadboxError('not_found', 'This lead is no longer waiting in the outbox.')
      return item
    }),
  }
}
