import { PipedriveFailure } from '../../pipedrive/failure'
import type { LookedUpKind } from './row-kind'

const leadOf = (parents: { lead?: string }) => {
  if (!parents.lead)
    throw new PipedriveFailure('not_found', 'The lead of this note is not in Pipedrive.')
  return parents.lead
}

/** A note is ours when its lead, its text and its time fit; another row may hold a twin. */
export const noteCreate: LookedUpKind = {
  async lookup(row, { gateway }, window) {
    const { content } = row.payload as { content: string }
    const notes = await gateway.listNotes({
      lead_id: leadOf(row.parents),
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
    const { content } = row.payload as { content: string }
    const note = await gateway.addNote({ content, lead_id: leadOf(row.parents) })
    return { to: 'sent', remoteId: String(note.id) }
  },
}
