import { useEffect, useRef } from 'react'
import type { LeadSeed } from '../../../shared/leads/lead-draft'
import { leadbox } from './leadbox'
import { call } from './unwrap'

/**
 * In the main window: opens the form with whatever quick add handed over, now and whenever it
 * hands over another ('leadForm:requested'). Taking it empties main's slot, so it opens once.
 */
export function useLeadFormRequests(open: (seed: LeadSeed) => void) {
  const latest = useRef(open)
  useEffect(() => {
    latest.current = open
  })
  useEffect(() => {
    const take = () =>
      void call(leadbox().leadForm.takeSeed()).then(
        (seed) => seed && latest.current(seed),
        () => undefined,
      )
    take()
    return leadbox().on('leadForm:requested', take)
  }, [])
}
