import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { InboxPage } from '../../../../shared/ipc/contract'
import {
  keys,
  useOpenLogsFolder,
  useOutbox,
  useRetryOutboxItem,
  useShowQuickAdd,
  useSyncNow,
  useSyncStatus,
} from '../../api'
import type { ViewId } from '../frame/views'
import { openLeadForm } from '../lead-form'
import { focusTargets, focusWhenShown } from '../shortcuts/focus-when-shown'
import { openInOutbox } from '../shortcuts/open-in-outbox'
import { requestInbox } from './inbox-requests'
import { useLeadInView, type LeadInView } from './lead-in-view'
import { cachedLeads, findLeads, leadDetail, pendingChoices } from './lead-search'
import { items, needsAttention, retryAllMessage, syncNowMessage } from './palette-messages'

/** The palette's groups, in the order it shows them. */
export const paletteGroups = ['This lead', 'Go to', 'Actions', 'Leads', 'Help'] as const
export type PaletteGroup = (typeof paletteGroups)[number]

export interface PaletteAction {
  id: string
  label: string
  group: PaletteGroup
  /** Other words people may type for it. */
  keywords?: string[]
  /** The shortcut that does the same, shown beside it ("Mod+2", "?"). */
  shortcut?: string
  /** A short fact beside the label ("2 items"). */
  detail?: string
  /** Resolves to a sentence for the status line, when there is something to say. */
  run: () => void | Promise<string | void>
}

interface Needs {
  onShowView: (view: ViewId) => void
  onShowShortcuts: () => void
}

/** Every command of the palette. */
export function usePaletteActions({ onShowView, onShowShortcuts }: Needs): PaletteAction[] {
  const outbox = useOutbox()
  const status = useSyncStatus()
  const syncNow = useSyncNow()
  const retry = useRetryOutboxItem()
  const openLogs = useOpenLogsFolder()
  const showQuickAdd = useShowQuickAdd()
  const inView = useLeadInView()
  const refused = needsAttention(outbox.data ?? [])

  return [
    ...(inView ? leadActions(inView) : []),
    {
      id: 'go.inbox',
      label: 'Go to Inbox',
      group: 'Go to',
      keywords: ['leads'],
      shortcut: 'Mod+1',
      run: () => onShowView('inbox'),
    },
    {
      id: 'go.archived',
      label: 'Go to archived leads',
      group: 'Go to',
      keywords: ['archive', 'inbox'],
      run: () => {
        requestInbox({ kind: 'archived' })
        onShowView('inbox')
      },
    },
    {
      id: 'go.outbox',
      label: 'Go to Outbox',
      group: 'Go to',
      keywords: ['pending', 'queue'],
      shortcut: 'Mod+2',
      run: () => onShowView('outbox'),
    },
    {
      id: 'go.settings',
      label: 'Go to Settings',
      group: 'Go to',
      keywords: ['preferences', 'account'],
      shortcut: 'Mod+3',
      run: () => onShowView('settings'),
    },
    {
      id: 'lead.new',
      label: 'New lead',
      group: 'Actions',
      keywords: ['add', 'create', 'form'],
      shortcut: 'n',
      run: () => {
        onShowView('inbox')
        openLeadForm()
      },
    },
    {
      id: 'quickAdd.show',
      label: 'Quick add',
      group: 'Actions',
      keywords: ['capture', 'new', 'lead', 'line'],
      run: async () => {
        await showQuickAdd.mutateAsync()
      },
    },
    {
      id: 'sync.now',
      label: 'Sync now',
      group: 'Actions',
      keywords: ['send', 'pipedrive'],
      run: async () => {
        await syncNow.mutateAsync()
        return syncNowMessage(status.data)
      },
    },
    {
      id: 'outbox.retryAll',
      label: 'Retry all that need attention',
      group: 'Actions',
      keywords: ['refused', 'outbox', 'failed'],
      detail: refused.length === 0 ? 'none' : items(refused.length),
      run: async () => {
        let failed = 0
        // One at a time: each answer updates the outbox list before the next goes.
        for (const row of refused) {
          try {
            await retry.mutateAsync(row.id)
          } catch {
            failed += 1
          }
        }
        return retryAllMessage(refused.length, failed)
      },
    },
    {
      id: 'app.openLogs',
      label: 'Open logs folder',
      group: 'Actions',
      keywords: ['diagnostics', 'log'],
      run: async () => {
        await openLogs.mutateAsync()
      },
    },
    {
      id: 'settings.quickAddShortcut',
      label: 'Change quick-add shortcut',
      group: 'Actions',
      keywords: ['hotkey', 'global', 'capture'],
      run: () => {
        onShowView('settings')
        focusWhenShown(() => document.getElementById(focusTargets.changeQuickAddShortcut))
      },
    },
    {
      id: 'help.shortcuts',
      label: 'Show keyboard shortcuts',
      group: 'Help',
      keywords: ['keys', 'help'],
      shortcut: '?',
      run: onShowShortcuts,
    },
  ]
}

/** What the pane can do to the lead it shows, said with the lead's title. */
function leadActions(inView: LeadInView): PaletteAction[] {
  const { lead } = inView
  const actions: PaletteAction[] = []
  const add = (action: Omit<PaletteAction, 'group' | 'detail'>) =>
    actions.push({ ...action, group: 'This lead', detail: lead.title })
  if (inView.edit) {
    add({
      id: 'lead.edit',
      label: 'Edit lead',
      keywords: ['change'],
      shortcut: 'e',
      run: inView.edit,
    })
  }
  if (inView.toggleArchive) {
    add({
      id: 'lead.archive',
      label: lead.isArchived ? 'Unarchive lead' : 'Archive lead',
      keywords: ['archive', 'restore'],
      shortcut: 'a',
      run: inView.toggleArchive,
    })
  }
  if (inView.convert) {
    add({
      id: 'lead.convert',
      label: 'Convert lead to deal…',
      keywords: ['deal'],
      run: inView.convert,
    })
  }
  if (inView.openInPipedrive) {
    add({
      id: 'lead.openInPipedrive',
      label: 'Open lead in Pipedrive',
      keywords: ['browser', 'web'],
      run: inView.openInPipedrive,
    })
  }
  return actions
}

/**
 * The leads that fit what is typed, as commands that open them: one of Pipedrive's in its
 * pane, one waiting to sync in the Outbox, as the inbox's rows do. Searches the inbox pages
 * already read and the outbox, so it answers at once, offline too.
 */
export function usePaletteLeads({ onShowView }: Pick<Needs, 'onShowView'>) {
  const queryClient = useQueryClient()
  const outbox = useOutbox()
  const rows = outbox.data
  return useCallback(
    (query: string): PaletteAction[] => {
      const pages = queryClient
        .getQueriesData<InboxPage>({ queryKey: keys.leads.inbox })
        .map(([, page]) => page)
      return findLeads(query, cachedLeads(pages), pendingChoices(rows ?? [])).map((choice) => ({
        id: choice.kind === 'lead' ? `lead:${choice.lead.id}` : `pending:${choice.row.id}`,
        label: choice.kind === 'lead' ? choice.lead.title : choice.row.title,
        group: 'Leads',
        detail: leadDetail(choice),
        run: () => {
          if (choice.kind === 'pending') {
            openInOutbox(choice.row, rows ?? [], () => onShowView('outbox'))
            return
          }
          requestInbox({ kind: 'open', lead: choice.lead })
          onShowView('inbox')
        },
      }))
    },
    [queryClient, rows, onShowView],
  )
}
