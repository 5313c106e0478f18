import type { Db } from '../db/database'
import type { RemoteActivity, RemoteNote } from '../pipedrive/outbox-gateway'

export type CachedActivity = Omit<RemoteActivity, 'leadId'>
export type CachedNote = Omit<RemoteNote, 'leadId'>

export interface CachedTimeline {
  activities: CachedActivity[]
  notes: CachedNote[]
  /** When Pipedrive was last read for this lead; null: never. */
  readAt: number | null
}

/**
 * A lead's activities and notes as Pipedrive last gave them, per account: what the lead's
 * pane shows offline. Each read replaces the lead's whole copy, so what was deleted in
 * Pipedrive goes too.
 */
export interface LeadTimelineCache {
  read(account: string, leadId: string): CachedTimeline
  replace(
    account: string,
    leadId: string,
    listed: { activities: RemoteActivity[]; notes: RemoteNote[] },
    readAt: number,
  ): void
  /** What Leadbox itself sent, as Pipedrive now has it, without reading it back. */
  addActivity(account: string, leadId: string, activity: CachedActivity): void
  addNote(account: string, leadId: string, note: CachedNote): void
  markDone(account: string, activityId: number): void
  /** Forgets the copies of leads not read since `before`: leads nobody opens any more. */
  prune(before: number): number
}

interface ActivityRow {
  id: number
  type: string
  subject: string
  due_date: string | null
  due_time: string | null
  done: number
  add_time: number
}

export function createLeadTimelineCache(db: Db): LeadTimelineCache {
  const readAt = db.prepare<[string, string], { read_at: number }>(
    'SELECT read_at FROM lead_timeline WHERE account = ? AND lead_id = ?',
  )
  const activities = db.prepare<[string, string], ActivityRow>(
    `SELECT id, type, subject, due_date, due_time, done, add_time FROM lead_activity
     WHERE account = ? AND lead_id = ?`,
  )
  const notes = db.prepare<[string, string], { id: number; content: string; add_time: number }>(
    'SELECT id, content, add_time FROM lead_note WHERE account = ? AND lead_id = ?',
  )
  const insertActivity = db.prepare<
    [string, number, string, string, string, string | null, string | null, number, number]
  >(
    `INSERT OR REPLACE INTO lead_activity
       (account, id, lead_id, type, subject, due_date, due_time, done, add_time)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertNote = db.prepare<[string, number, string, string, number]>(
    `INSERT OR REPLACE INTO lead_note (account, id, lead_id, content, add_time)
     VALUES (?, ?, ?, ?, ?)`,
  )
  const forget = [
    db.prepare<[string, string]>('DELETE FROM lead_activity WHERE account = ? AND lead_id = ?'),
    db.prepare<[string, string]>('DELETE FROM lead_note WHERE account = ? AND lead_id = ?'),
  ]
  const setReadAt = db.prepare<[string, string, number]>(
    `INSERT INTO lead_timeline (account, lead_id, read_at) VALUES (?, ?, ?)
     ON CONFLICT (account, lead_id) DO UPDATE SET read_at = excluded.read_at`,
  )
  const done = db.prepare<[string, number]>(
    'UPDATE lead_activity SET done = 1 WHERE account = ? AND id = ?',
  )

  const prune = db.transaction((before: number): number => {
    const stale = `(account, lead_id) NOT IN
      (SELECT account, lead_id FROM lead_timeline WHERE read_at >= ?)`
    const gone = db.prepare('DELETE FROM lead_timeline WHERE read_at < ?').run(before).changes
    db.prepare(`DELETE FROM lead_activity WHERE ${stale}`).run(before)
    db.prepare(`DELETE FROM lead_note WHERE ${stale}`).run(before)
    return gone
  })

  const cache: LeadTimelineCache = {
    prune,
    read(account, leadId) {
      return {
        activities: activities.all(account, leadId).map((row) => ({
          id: row.id,
          type: row.type,
          subject: row.subject,
          dueDate: row.due_date,
          dueTime: row.due_time,
          done: row.done === 1,
          addTime: row.add_time,
        })),
        notes: notes
          .all(account, leadId)
          .map((row) => ({ id: row.id, content: row.content, addTime: row.add_time })),
        readAt: readAt.get(account, leadId)?.read_at ?? null,
      }
    },
    replace: db.transaction((account: string, leadId: string, listed, at: number) => {
      for (const statement of forget) statement.run(account, leadId)
      // A listing filtered by lead names only that lead's; the check keeps a stray one out.
      for (const activity of listed.activities) {
        if (activity.leadId === leadId) cache.addActivity(account, leadId, activity)
      }
      for (const note of listed.notes) {
        if (note.leadId === leadId) cache.addNote(account, leadId, note)
      }
      setReadAt.run(account, leadId, at)
    }),
    addActivity(account, leadId, a) {
      insertActivity.run(
        account,
        a.id,
        leadId,
        a.type,
        a.subject,
        a.dueDate,
        a.dueTime,
        a.done ? 1 : 0,
        a.addTime,
      )
    },
    addNote(account, leadId, note) {
      insertNote.run(account, note.id, leadId, note.content, note.addTime)
    },
    markDone(account, activityId) {
      done.run(account, activityId)
    },
  }
  return cache
}
