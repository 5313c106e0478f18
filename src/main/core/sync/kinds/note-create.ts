import type { NoteCreatePayload } from '../../outbox/row-writer'
import type { QueuedRow } from '../../outbox/outbox-queue'
import { PipedriveFailure } from '../../pipedrive/failure'
import type { LookedUpKind } from './row-kind'

/** The lead: sent by Leadbox (its create row's id), or only ever in Pipedrive. */
const leadOf = (row: QueuedRow) => {
  const lead = row.parents.lead ?? (row.payload as NoteCreatePayload).leadId
  if (!lead) throw new PipedriveFailure('not_found', 'The lead of this note is not in Pipedrive.')
  return lead
}

/** A note is ours when its lead, its text and its time fit; another row may hold a twin. */
export const noteCreate: LookedUpKind = {
  async lookup(row, { gateway }, window) {
    const { content } = row.payload as NoteCreatePayload
    const notes = await gateway.listNotes({
      lead_id: leadOf(row),
      updated_since: window.updatedSince(),
    })
    return {
      found: notes
        .filter((note) => window.covers(note.addTime) && note.content.trim() === content.trim())
        .sort((a, b) => a.id - b.id)
        .map((note) => String(note.id)),
    }
  },
  async send(row, { gateway }) {
    const { content } = row.payload as NoteCreatePayload
    const note = await gateway.addNote({ content, lead_id: leadOf(row) })
    return { to: 'sent', remoteId: String(note.id) }
  },
}
