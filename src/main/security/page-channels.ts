import type { Channel } from '../../shared/ipc/contract'
import type { AppPage } from './trusted-sender'

/**
 * What the quick-add window needs: its catalog, saving a lead, the sync state it reports,
 * handing the line to the full form, hiding itself, and the clipboard's text read when the
 * user opened it. It floats over every app, so it
 * gets nothing more: no sign-out, no settings, no shortcut change, no links.
 */
export const quickAddChannels: ReadonlySet<Channel> = new Set<Channel>([
  'catalog:getQuickAddContext',
  'leads:create',
  'sync:getStatus',
  'quickAdd:openInForm',
  'quickAdd:hide',
  'quickAdd:takeClipboard',
])

/** May this page call this channel? The main window may call every one. */
export function pageMayCall(page: AppPage, channel: Channel): boolean {
  return page === 'index.html' || quickAddChannels.has(channel)
}
