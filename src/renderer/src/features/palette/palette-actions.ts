import {
  useOpenLogsFolder,
  useOutbox,
  useRetryOutboxItem,
  useSyncNow,
  useSyncStatus,
} from '../../api'
import type { ViewId } from '../frame/views'
import { openLeadForm } from '../lead-form'
import { focusTargets, focusWhenShown } from '../shortcuts/focus-when-shown'
import { items, needsAttention, retryAllMessage, syncNowMessage } from './palette-messages'

export interface PaletteAction {
  id: string
  /** Unique: cmdk filters and tells items apart by it. */
  label: string
  group: 'Go to' | 'Actions' | 'Help'
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
  const refused = needsAttention(outbox.data ?? [])

  return [
    {
      id: 'go.inbox',
      label: 'Go to Inbox',
      group: 'Go to',
      keywords: ['leads'],
      shortcut: 'Mod+1',
      run: () => onShowView('inbox'),
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
