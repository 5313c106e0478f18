/**
 * How much the user is looking at Leadbox: the inbox window focused and the user at the
 * keyboard, on screen behind another window, on screen with nobody at the machine, or not
 * on screen at all.
 */
export type Attention = 'in-use' | 'on-screen' | 'idle' | 'hidden'

/**
 * The one place that decides what Leadbox reads from Pipedrive and how often. Every read
 * costs tokens from the company's daily budget, shared with all its other integrations, so
 * freshness is spent where the user is looking: often while the inbox is on screen, nothing
 * while it is hidden or nobody is there, and one catch-up when the user comes back.
 */
export interface FreshnessPlan {
  /** Between two looks at leads changed since the last one; null: no look by timer. */
  inboxEvery: Record<Attention, number | null>
  /** Between two looks at persons and organizations changed; null: no look by timer. */
  catalogEvery: Record<Attention, number | null>
  /**
   * Activities changed since the last look (a next activity added, done or moved), read
   * with the inbox's look when this long has passed since the last read.
   */
  inboxActivitiesEvery: number
  /** A complete listing of live leads, which drops converted and deleted ones. */
  inboxFullEvery: number
  /** Archived leads by timer; null: only when the user opens the archive. */
  archivedEvery: number | null
  /** The archive opened: its leads are read again when older than this. */
  archivedStaleAfter: number
  /**
   * Quick add opened while persons and organizations were last read longer ago than this:
   * they are read once more, so a person added in Pipedrive meanwhile is matched by the
   * line, not created a second time. The main window may stay hidden all day.
   */
  catalogOnQuickAddAfter: number
  /** Users, labels, currencies and fields, which rarely change. */
  catalogReferenceEvery: number
  /**
   * A listing after each send. Needless when Pipedrive's answer to the send carries the lead,
   * which goes into the cache as it is: then only a send answered without it lists.
   */
  listAfterSend: boolean
}

const minute = 60_000
const hour = 60 * minute

/**
 * Leads changed in Pipedrive show within 5 minutes while the inbox is on screen: a look
 * every 4½ minutes (20 tokens each) leaves a margin for the request itself. Persons and
 * organizations matter less by the minute: hourly, and at the catch-up. A next activity
 * that moved is seen within 15 minutes on screen (10 tokens a look); one added or marked done
 * here is in the inbox at once.
 */
export const freshnessPlan: FreshnessPlan = {
  inboxEvery: { 'in-use': 4.5 * minute, 'on-screen': 4.5 * minute, idle: null, hidden: null },
  catalogEvery: { 'in-use': hour, 'on-screen': hour, idle: null, hidden: null },
  inboxActivitiesEvery: 15 * minute,
  inboxFullEvery: 4 * hour,
  archivedEvery: null,
  archivedStaleAfter: 5 * minute,
  catalogOnQuickAddAfter: hour,
  catalogReferenceEvery: 8 * hour,
  listAfterSend: false,
}

/**
 * A lead opened in the pane reads its activities and notes again only when the copy Leadbox
 * has is older than this: flipping between leads costs little, and what changed in Pipedrive
 * meanwhile shows within a few minutes.
 */
export const leadTimelineFreshForMs = 3 * minute

/** Whether a lead's activities and notes read at `readAt` (null: never) are read again now. */
export function leadTimelineDue(readAt: number | null, now: number): boolean {
  return readAt === null || now - readAt >= leadTimelineFreshForMs
}

/** No keyboard or mouse input for this long: nobody is reading the inbox. */
export const idleAfterMs = 5 * minute

/** What the main window and the OS say, as attention. */
export function attentionOf(window: {
  visible: boolean
  focused: boolean
  /** Time since the last keyboard or mouse input anywhere on the machine. */
  idleMs: number
}): Attention {
  if (!window.visible) return 'hidden'
  if (window.idleMs >= idleAfterMs) return 'idle'
  return window.focused ? 'in-use' : 'on-screen'
}
