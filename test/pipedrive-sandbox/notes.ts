// v1 notes: the app attaches a note to a lead it has just created, and lists notes to find one
// whose answer was lost.
import { isInteger, uuidPattern } from './formats'
import type { Call, Reply } from './http'
import { checkDocs, failure, isRecord, json, readJson } from './http'
import { listNotes } from './note-list'
import type { Router } from './router'
import { reindex } from './search-index'
import type { Note } from './store'
import { noteView } from './views'

export function registerNotes(router: Router): void {
  router.add('GET', 'v1', '/notes', listNotes)
  router.add('POST', 'v1', '/notes', addNote)
}

function invalid(message: string): Reply {
  return failure(400, message, checkDocs)
}

function flag(value: unknown): boolean | null {
  // numberBoolean in the spec (0 or 1); booleans are accepted as the web app sends them.
  if (value === 0 || value === 1) return value === 1
  if (typeof value === 'boolean') return value
  return null
}

function addNote(call: Call): Reply {
  const body = readJson(call, invalid)
  if (!body.ok) return body.reply
  const input = body.value
  if (!isRecord(input)) return invalid('Request body must be an object')
  const { data } = call.app
  if (typeof input.content !== 'string' || input.content.trim() === '') {
    return invalid('Content must be given.')
  }
  const note: Note = {
    id: data.nextId.note,
    content: input.content,
    lead_id: null,
    deal_id: null,
    person_id: null,
    org_id: null,
    user_id: call.principal?.userId ?? data.meId,
    pinned_to_lead_flag: false,
    add_time: call.app.now(),
    update_time: call.app.now(),
  }
  if (input.lead_id !== undefined) {
    if (typeof input.lead_id !== 'string' || !uuidPattern.test(input.lead_id)) {
      return invalid('lead_id must be a valid UUID')
    }
    if (!data.leads.has(input.lead_id)) return failure(404, 'Lead not found', checkDocs)
    note.lead_id = input.lead_id
  }
  if (input.person_id !== undefined) {
    if (!isInteger(input.person_id) || !data.persons.has(input.person_id)) {
      return failure(404, 'Person not found', checkDocs)
    }
    note.person_id = input.person_id
  }
  if (input.org_id !== undefined) {
    if (!isInteger(input.org_id) || !data.organizations.has(input.org_id)) {
      return failure(404, 'Organization not found', checkDocs)
    }
    note.org_id = input.org_id
  }
  if (input.deal_id !== undefined) {
    const converted = [...data.conversions.values()].some((c) => c.deal_id === input.deal_id)
    if (!isInteger(input.deal_id) || !converted) return failure(404, 'Deal not found', checkDocs)
    note.deal_id = input.deal_id
  }
  if (
    note.lead_id === null &&
    note.person_id === null &&
    note.org_id === null &&
    note.deal_id === null
  ) {
    return invalid('Note must be attached to a lead, deal, person, organization or project.')
  }
  if (input.user_id !== undefined) {
    if (!data.users.some((u) => u.id === input.user_id)) return invalid('User not found')
    note.user_id = input.user_id as number
  }
  if (input.pinned_to_lead_flag !== undefined) {
    const pinned = flag(input.pinned_to_lead_flag)
    if (pinned === null) return invalid('pinned_to_lead_flag must be 0 or 1')
    note.pinned_to_lead_flag = pinned
  }
  data.nextId.note += 1
  data.notes.set(note.id, note)
  reindex(call.app, 'notes', note.id, note)
  // The spec documents 200 for adding a note.
  return json(200, { success: true, data: noteView(note, data) })
}
