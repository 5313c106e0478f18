import { useState } from 'react'

/**
 * What the quick-add window tells a screen reader, through its one live region. `key` says
 * which event the words are about: while it stays the same the region keeps its words, so
 * a reader says each thing once (typing on in a name whose choices are open is not news).
 */
export type Announcement = { key: string; text: string }

interface Moment {
  /** What the last Enter led to: saved, a question, or why it was not saved. */
  outcome: { text: string } | null
  /** The ambiguous chip whose choices are open: its kind and where it starts on the line. */
  choosing: { kind: string; start: number; prompt: string } | null
  /** Why names cannot be looked up, if they cannot. */
  catalogProblem: string | null
}

export function announcementFor({
  outcome,
  choosing,
  catalogProblem,
}: Moment): Announcement | null {
  if (outcome) return { key: `outcome:${outcome.text}`, text: outcome.text }
  if (choosing) return { key: `choosing:${choosing.kind}:${choosing.start}`, text: choosing.prompt }
  if (catalogProblem) return { key: 'catalog', text: catalogProblem }
  return null
}

/** The words for the live region: new ones only when the event changes. */
export function useAnnouncement(next: Announcement | null): string {
  const [shown, setShown] = useState(next)
  // Adjusting state while rendering, as React advises, so the region changes in one commit.
  if (next?.key !== shown?.key) setShown(next)
  return (next?.key === shown?.key ? shown : next)?.text ?? ''
}
