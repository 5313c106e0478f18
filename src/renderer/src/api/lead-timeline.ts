import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import type { LeadTimeline } from '../../../shared/leads/lead-timeline'
import type { NextActivity } from '../../../shared/leads/next-activity'
import { keys } from './keys'
import { leadbox } from './leadbox'
import { call } from './unwrap'

/**
 * A Pipedrive lead's activities and notes as cached, with what waits in the outbox for it
 * ('leadTimeline:get'). Opening the lead asks main once to read Pipedrive when its copy is
 * old ('leadTimeline:open'); main decides, so flipping between leads spends little.
 */
export function useLeadTimeline(leadId: string) {
  const queryClient = useQueryClient()
  const key = keys.leads.timeline(leadId)
  const query = useQuery({
    queryKey: key,
    queryFn: () => call(leadbox().leadTimeline.get({ lead: { remoteId: leadId } })),
  })
  useEffect(() => {
    let current = true
    void call(leadbox().leadTimeline.open({ lead: { remoteId: leadId } }))
      .then((timeline) => {
        if (current) queryClient.setQueryData(key, timeline)
      })
      .catch(() => queryClient.invalidateQueries({ queryKey: key }))
    return () => {
      current = false
    }
    // The key is made from the lead id: one read per lead opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [leadId, queryClient])
  return query
}

/** After a change is queued, the lead's list and the outbox show it. */
function useTimelineChange<T, R>(leadId: string, change: (input: T) => Promise<R>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: change,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.leads.timeline(leadId) }),
        queryClient.invalidateQueries({ queryKey: keys.outbox.all }),
      ]),
  })
}

/** Queues a note on the lead ('leadTimeline:addNote'). */
export function useAddNote(leadId: string) {
  return useTimelineChange(leadId, (content: string) =>
    call(leadbox().leadTimeline.addNote({ lead: { remoteId: leadId }, content })),
  )
}

/** Queues an activity on the lead ('leadTimeline:addActivity'); no subject: quick add's. */
export function useAddActivity(leadId: string, leadTitle: string) {
  return useTimelineChange(leadId, (activity: NextActivity) =>
    call(leadbox().leadTimeline.addActivity({ lead: { remoteId: leadId }, leadTitle, activity })),
  )
}

/**
 * Queues an activity's done mark ('leadTimeline:markDone'). The list shows it done at once;
 * main's answer (or refusal) replaces that when the list is read again.
 */
export function useMarkDone(leadId: string) {
  const queryClient = useQueryClient()
  const key = keys.leads.timeline(leadId)
  return useMutation({
    mutationFn: (activity: { id: number; subject: string }) =>
      call(
        leadbox().leadTimeline.markDone({
          leadId,
          activityId: activity.id,
          subject: activity.subject,
        }),
      ),
    onMutate: async (activity) => {
      await queryClient.cancelQueries({ queryKey: key })
      queryClient.setQueryData<LeadTimeline>(key, (timeline) =>
        timeline
          ? {
              ...timeline,
              activities: timeline.activities.map((a) =>
                a.id === activity.id ? { ...a, done: true, doneWaiting: true } : a,
              ),
            }
          : timeline,
      )
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: key }),
        queryClient.invalidateQueries({ queryKey: keys.outbox.all }),
      ]),
  })
}
