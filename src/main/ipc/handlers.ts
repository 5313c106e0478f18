import type { Core } from '../core/index'
import type { Desktop } from './desktop'
import type { Handlers } from './router'

/** Each channel of the contract, answered by the core. Payloads arrive validated. */
export function createHandlers(core: Core, desktop: Desktop): Handlers {
  /** Runs a change to the outbox, then tells the windows. */
  const changing = <T>(change: () => T): T => {
    const result = change()
    core.outboxChanged()
    return result
  }
  return {
    'app:getInfo': () => core.info(),
    'app:openLogsFolder': async () => {
      await core.openLogsFolder()
      return undefined
    },
    'app:openLink': ({ url }) => core.openLink(url),
    'sync:getStatus': () => core.syncStatus(),
    'usage:today': () => core.usageToday(),
    'quickAdd:hide': () => {
      desktop.hideQuickAdd()
      return undefined
    },
    'quickAdd:show': () => {
      desktop.showQuickAdd()
      return undefined
    },
    'quickAdd:openInForm': (seed) => {
      core.leadSeeds.put(seed)
      desktop.hideQuickAdd()
      desktop.showMainWindow()
      core.events.emit('leadForm:requested', undefined)
      return undefined
    },
    'leadForm:takeSeed': () => core.leadSeeds.take(),
    'shortcut:get': () => desktop.shortcut(),
    'shortcut:set': ({ accelerator }) => desktop.changeShortcut(accelerator),
    'sync:now': () => {
      core.sync.wake('sync now')
      return undefined
    },
    'leads:create': (draft) => changing(() => core.outbox.enqueueLead(draft)),
    'outbox:list': () => core.outbox.list(),
    'leads:change': ({ change, leadTitle }) =>
      changing(() => core.leadChanges.enqueue(change, leadTitle)),
    'outbox:editLead': ({ id, draft }) => changing(() => core.pendingLeads.edit(id, draft)),
    'outbox:getDraft': ({ id }) => core.pendingLeads.draftOf(id),
    'outbox:resolveConflict': ({ id, keep }) =>
      changing(() => core.leadChanges.resolveConflict(id, keep)),
    'catalog:getQuickAddContext': () => core.quickAddContext(),
    'leadTimeline:get': ({ lead }) => core.leadTimelines.get(lead),
    'leadTimeline:open': ({ lead }) => core.leadTimelines.opened(lead),
    'leadTimeline:addNote': (note) => changing(() => core.activityChanges.addNote(note)),
    'leadTimeline:addActivity': (activity) =>
      changing(() => core.activityChanges.addActivity(activity)),
    'leadTimeline:markDone': (mark) => changing(() => core.activityChanges.markDone(mark)),
    // "Retry now" means now: like "Sync now" it lifts the wait after Pipedrive stopped answering.
    'outbox:retry': ({ id }) => {
      const row = changing(() => core.outbox.retry(id))
      if (core.sync.status().unreachableSince !== null) core.sync.wake('sync now')
      return row
    },
    'outbox:discard': ({ id }) => changing(() => core.outbox.discard(id)),
    'auth:getStatus': () => core.accounts.status(),
    'auth:signInWithToken': ({ token }) => core.accounts.signInWithToken(token),
    'auth:signInWithOAuth': () => core.accounts.signInWithOAuth(),
    'auth:cancelSignIn': async () => {
      await core.accounts.cancelSignIn()
      return undefined
    },
    'auth:signOut': () => core.accounts.signOut(),
    'auth:setOAuthClient': (client) => core.accounts.setOAuthClient(client),
    'leads:list': (query) => {
      // Archived leads are read from Pipedrive when someone opens the archive, not by timer.
      if (query.archived && query.offset === 0) core.inboxRefresher.archiveOpened()
      return core.inbox.list(query)
    },
    'leads:refresh': () => core.inboxRefresher.refresh(),
    'catalog:getInboxContext': () => core.catalog.inboxContext(),
    'catalog:setLeadDefaults': (defaults) => {
      const kept = core.catalog.setLeadDefaults(defaults)
      core.events.emit('catalog:changed', undefined)
      return kept
    },
    'catalog:createLabel': (label) => core.labelCreator.create(label),
    'catalog:refresh': () => core.catalogRefresher.refresh(),
    'catalog:searchContacts': ({ kind, term }) => core.contactSearch.find(kind, term),
    'updates:getStatus': () => desktop.updateStatus(),
    'updates:restart': async () => {
      await desktop.restartToUpdate()
      return undefined
    },
    'launchAtLogin:get': () => desktop.launchAtLogin(),
    'launchAtLogin:set': ({ enabled }) => desktop.setLaunchAtLogin(enabled),
    'quickAdd:takeClipboard': async () => ({ text: await core.clipboardOffer.take() }),
    'clipboardOffer:get': () => ({ enabled: core.clipboardOffer.enabled() }),
    'clipboardOffer:set': ({ enabled }) => ({ enabled: core.clipboardOffer.setEnabled(enabled) }),
  }
}
