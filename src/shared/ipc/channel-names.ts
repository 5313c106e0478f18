import type { Channel, EventName } from './contract'

/**
 * The names of the contract's channels and events, without their schemas. The preload needs
 * only the names (main validates every payload), and zod would make it 200 kB; the quick-add
 * window needs the event names too. `contract.ts` stays the one place the schemas live; the
 * checks at the bottom fail type checking when a name is added to one file and not the other.
 */
export const channelNames = [
  'app:getInfo',
  'app:openLogsFolder',
  'app:openLink',
  'sync:getStatus',
  'sync:now',
  'quickAdd:hide',
  'quickAdd:show',
  'quickAdd:openInForm',
  'leadForm:takeSeed',
  'shortcut:get',
  'shortcut:set',
  'leads:create',
  'outbox:list',
  'leads:change',
  'outbox:editLead',
  'outbox:getDraft',
  'outbox:resolveConflict',
  'catalog:getQuickAddContext',
  'leadTimeline:get',
  'leadTimeline:open',
  'leadTimeline:addNote',
  'leadTimeline:addActivity',
  'leadTimeline:markDone',
  'outbox:retry',
  'outbox:discard',
  'auth:getStatus',
  'auth:signInWithToken',
  'auth:signInWithOAuth',
  'auth:cancelSignIn',
  'auth:signOut',
  'auth:setOAuthClient',
  'leads:list',
  'leads:refresh',
  'catalog:getInboxContext',
  'catalog:setLeadDefaults',
  'catalog:createLabel',
  'catalog:refresh',
  'catalog:searchContacts',
  'updates:getStatus',
  'updates:restart',
  'launchAtLogin:get',
  'launchAtLogin:set',
  'quickAdd:takeClipboard',
  'clipboardOffer:get',
  'clipboardOffer:set',
  'usage:today',
] as const

export const eventNames = [
  'outbox:changed',
  'sync:status',
  'leads:changed',
  'auth:changed',
  'catalog:changed',
  'leadForm:requested',
  'updates:changed',
] as const

const channelSet: ReadonlySet<string> = new Set(channelNames)
const eventSet: ReadonlySet<string> = new Set(eventNames)

export const isChannel = (value: unknown): value is Channel =>
  typeof value === 'string' && channelSet.has(value)
export const isEventName = (value: unknown): value is EventName =>
  typeof value === 'string' && eventSet.has(value)

// An error on the lines below: a channel or event was added to (or removed from) the
// contract and not here, or the other way round.
type SameSet<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const sameChannels: SameSet<(typeof channelNames)[number], Channel> = true
const sameEvents: SameSet<(typeof eventNames)[number], EventName> = true
void [sameChannels, sameEvents]
