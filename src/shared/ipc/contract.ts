import { z } from 'zod'
import { apiBudgetSchema, apiUsageSchema } from '../api-usage'
import { leadChangeSchema, leadRefSchema } from '../leads/lead-change'
import { leadDraftSchema, leadSeedSchema } from '../leads/lead-draft'
import { leadLabelSchema, newLeadLabelSchema } from '../leads/lead-label'
import { leadDefaultsSchema } from '../leads/lead-defaults'
import {
  leadActivityInputSchema,
  leadNoteInputSchema,
  leadTimelineSchema,
  markDoneInputSchema,
} from '../leads/lead-timeline'
import { shortcutSchema, shortcutStatusSchema } from '../shortcut'

/**
 * The one map of every request the renderer can make. Main validates each payload with
 * `request` before anything runs, and passes each answer through `response`, whose object
 * schemas drop unknown keys, so nothing main did not mean to share reaches the renderer.
 */

const none = z.undefined()

export const databaseHealthSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok') }),
  z.object({
    status: z.literal('recovered'),
    /** File name (never a path) the damaged database was moved to. */
    movedAsideAs: z.string(),
    reason: z.string(),
    /** False when nothing at all could be read from the damaged file. */
    readable: z.boolean(),
    /** Changes not yet sent to Pipedrive, brought from the damaged file into the fresh one. */
    changesRecovered: z.number().int().nonnegative(),
    /** Changes not yet sent whose part of the file could not be read. */
    changesUnreadable: z.number().int().nonnegative(),
  }),
  /** Found while running; the next start moves the file aside and begins a fresh one. */
  z.object({ status: z.literal('damaged'), reason: z.string() }),
])
export type DatabaseHealth = z.infer<typeof databaseHealthSchema>

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  database: databaseHealthSchema,
})
export type AppInfo = z.infer<typeof appInfoSchema>

export const outboxStates = [
  'queued',
  'sending',
  'uncertain',
  'sent',
  'needs_attention',
  'cancelled',
] as const
export type OutboxState = (typeof outboxStates)[number]

export const outboxKinds = [
  'person.create',
  'organization.create',
  'lead.create',
  'lead.update',
  'lead.archive',
  'lead.unarchive',
  'lead.delete',
  'lead.convert',
  'note.create',
  'activity.create',
  'activity.done',
] as const
export type OutboxKind = (typeof outboxKinds)[number]

export const pendingLeadSummarySchema = z.object({
  personName: z.string().nullable(),
  organizationName: z.string().nullable(),
  value: z.object({ amount: z.number(), currency: z.string() }).nullable(),
  labelIds: z.array(z.string()),
})
export type PendingLeadSummary = z.infer<typeof pendingLeadSummarySchema>

/** One change waiting for (or already taken by) Pipedrive, as the renderer sees it. */
export const outboxItemSchema = z.object({
  id: z.number().int(),
  clientId: z.string(),
  kind: z.enum(outboxKinds),
  state: z.enum(outboxStates),
  title: z.string(),
  attempts: z.number().int(),
  nextAttemptAt: z.number().nullable(),
  lastError: z.string().nullable(),
  /** Pipedrive's id once it has the item; for a conversion, the new deal's. */
  remoteId: z.string().nullable(),
  /** The lead a change is about: in Pipedrive, or still waiting here as a create row. */
  lead: leadRefSchema.nullable(),
  /** Rows that must reach Pipedrive first (a new person before its lead). */
  dependsOn: z.array(z.number().int()),
  /** A change that met a different change in Pipedrive: both values, per field. */
  conflict: z.record(z.string(), z.object({ mine: z.unknown(), theirs: z.unknown() })).nullable(),
  /** For a new lead: who it is about, its value and labels, as the inbox shows a lead. */
  summary: pendingLeadSummarySchema.nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
})
export type OutboxItem = z.infer<typeof outboxItemSchema>

/** What the quick-add parser needs from the catalog: names, labels, currencies. */
export const quickAddContextSchema = z.object({
  /** The currency of an amount without one: the user's default, else the company's. */
  defaultCurrency: z.string(),
  defaults: leadDefaultsSchema,
  currencies: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      symbol: z.string(),
      decimalPoints: z.number().int(),
    }),
  ),
  labels: z.array(z.object({ id: z.string(), name: z.string(), color: z.string() })),
  persons: z.array(
    z.object({ id: z.number().int(), name: z.string(), email: z.string().nullable().optional() }),
  ),
  organizations: z.array(z.object({ id: z.number().int(), name: z.string() })),
  /**
   * Open leads by who they are about, those still in the outbox first, so quick add can say so
   * before a save.
   */
  openLeads: z
    .array(
      z.object({
        title: z.string(),
        personId: z.number().int().nullable(),
        organizationId: z.number().int().nullable(),
        /** A lead still in the outbox whose new person is queued too: that person's row. */
        personRowId: z.number().int().nullable().optional(),
      }),
    )
    .optional(),
  /** New persons still waiting in the outbox, offered as likely matches like the catalog's. */
  waitingPersons: z
    .array(
      z.object({
        outboxId: z.number().int(),
        name: z.string(),
        email: z.string().optional(),
        phone: z.string().optional(),
      }),
    )
    .optional(),
  /** The company's active activity types, which `call fri 10am` is read against. */
  activityTypes: z.array(z.object({ key: z.string(), name: z.string() })),
})
export type QuickAddContextData = z.infer<typeof quickAddContextSchema>

const outboxRowRef = z.object({ id: z.number().int().positive() })

export const syncStatusSchema = z.object({
  online: z.boolean(),
  signedIn: z.boolean(),
  counts: z.record(z.enum(outboxStates), z.number().int().nonnegative()),
  /** Epoch milliseconds of the next automatic attempt, when one is scheduled. */
  nextAttemptAt: z.number().nullable(),
  /** Syncing is paused until then (daily budget spent, Pipedrive blocking), when it is. */
  pausedUntil: z.number().nullable(),
  /** Since when Pipedrive has not answered while the network was up; null when it answers. */
  unreachableSince: z.number().nullable(),
  lastError: z.string().nullable(),
  /** What is left of the company's daily API budget, when Pipedrive said today. */
  budget: apiBudgetSchema.pick({ left: true, limit: true }).nullable(),
})
export type SyncStatus = z.infer<typeof syncStatusSchema>

export const externalLinkSchema = z.object({ url: z.string().max(2048) })

export const authTypes = ['api_token', 'oauth'] as const
export type AuthType = (typeof authTypes)[number]

/** The Pipedrive account as the renderer sees it. No token, ever: not even a masked one. */
export const accountStatusSchema = z.object({
  account: z
    .object({
      authType: z.enum(authTypes),
      userName: z.string(),
      userEmail: z.string(),
      companyName: z.string(),
      /** e.g. "acme" for acme.pipedrive.com. */
      companyDomain: z.string(),
    })
    .nullable(),
  /** "Sign in with Pipedrive" is waiting for the browser. */
  signingIn: z.boolean(),
  oauth: z.object({
    /** A Pipedrive app (client id and secret) is set up. */
    configured: z.boolean(),
    /** Built into this copy of Leadbox, or entered in Settings. */
    source: z.enum(['build', 'settings']).nullable(),
    clientId: z.string().nullable(),
    /** The callback URL to register for the app in Pipedrive's Developer Hub. */
    callbackUrl: z.string(),
  }),
  /** Something the user should know, e.g. that Pipedrive ended the sign-in. */
  notice: z.string().nullable(),
})
export type AccountStatus = z.infer<typeof accountStatusSchema>

export const apiTokenSignInSchema = z.object({
  token: z
    .string()
    .trim()
    .min(1, 'Paste your Pipedrive API token.')
    .max(200, 'That is too long for a Pipedrive API token.')
    .regex(/^\S+$/, 'An API token has no spaces in it.'),
})

export const oauthClientSchema = z.object({
  clientId: z.string().trim().min(1, 'Enter the client id.').max(200),
  clientSecret: z.string().trim().min(1, 'Enter the client secret.').max(500),
})

/** A lead of the Pipedrive Leads Inbox, as cached for offline viewing. */
export const inboxLeadSchema = z.object({
  /** Pipedrive's id (a UUID). */
  id: z.string(),
  title: z.string(),
  ownerId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  labelIds: z.array(z.string()),
  personId: z.number().int().nullable(),
  personName: z.string().nullable(),
  organizationId: z.number().int().nullable(),
  organizationName: z.string().nullable(),
  value: z.object({ amount: z.number(), currency: z.string() }).nullable(),
  /** YYYY-MM-DD. */
  expectedCloseDate: z.string().nullable(),
  /** Pipedrive's visibility value ('1', '3', '5', '7'); null until a listing gave it. */
  visibleTo: z.string().nullable(),
  wasSeen: z.boolean(),
  isArchived: z.boolean(),
  /** ISO 8601, as Pipedrive gave them. */
  addTime: z.string(),
  updateTime: z.string(),
  /** Values of custom fields by field key; names and options are in the inbox context. */
  customFields: z.record(z.string(), z.unknown()),
  /**
   * Pipedrive's next activity of the lead; `due` (see ActivityDue) is null while it is
   * being read or when the activity has no due date. Null: none planned in Pipedrive.
   */
  nextActivity: z.object({ id: z.number().int(), due: z.string().nullable() }).nullable(),
})
export type InboxLead = z.infer<typeof inboxLeadSchema>

/** Leads with no next activity planned, or with one overdue. */
export const nextActivityFilters = ['none', 'overdue'] as const
export type NextActivityFilter = (typeof nextActivityFilters)[number]

export const inboxSorts = ['update_time', 'add_time', 'title', 'expected_close_date'] as const
export type InboxSort = (typeof inboxSorts)[number]

const pipedriveId = z.number().int().positive()

/** One page of the inbox: filters are ANDed; `text` matches title, person and organization. */
export const inboxQuerySchema = z.object({
  archived: z.boolean().optional(),
  ownerId: pipedriveId.optional(),
  labelId: z.string().min(1).max(64).optional(),
  personId: pipedriveId.optional(),
  organizationId: pipedriveId.optional(),
  nextActivity: z.enum(nextActivityFilters).optional(),
  text: z.string().max(200).optional(),
  /** Default: update_time. */
  sort: z.enum(inboxSorts).optional(),
  /** Default: desc for times, asc for title and expected close date. */
  direction: z.enum(['asc', 'desc']).optional(),
  limit: z.number().int().min(1).max(500),
  offset: z.number().int().min(0).max(1_000_000),
})
export type InboxQuery = z.infer<typeof inboxQuerySchema>

export const inboxPageSchema = z.object({
  /** Leads matching the filters, on every page. */
  total: z.number().int().nonnegative(),
  items: z.array(inboxLeadSchema),
})
export type InboxPage = z.infer<typeof inboxPageSchema>

/** How fresh a cache of Pipedrive data is; answered by the refresh channels. */
export const refreshStatusSchema = z.object({
  refreshing: z.boolean(),
  /** Epoch ms of the last refresh that went through, null before the first. */
  lastRefreshAt: z.number().nullable(),
  /** Why the last attempt failed; null when it went through. */
  lastError: z.string().nullable(),
})
export type RefreshStatus = z.infer<typeof refreshStatusSchema>

/** What the inbox needs to show and filter leads: owners, labels, custom fields. */
export const inboxContextSchema = z.object({
  users: z.array(
    z.object({ id: z.number().int(), name: z.string(), active: z.boolean(), isYou: z.boolean() }),
  ),
  defaults: leadDefaultsSchema,
  /** The company's plan has visibility groups (values 5 and 7 were seen on its leads). */
  visibilityGroups: z.boolean(),
  labels: z.array(z.object({ id: z.string(), name: z.string(), color: z.string() })),
  fields: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      fieldType: z.string(),
      options: z
        .array(z.object({ id: z.union([z.number(), z.string()]), label: z.string() }))
        .nullable(),
    }),
  ),
})
export type InboxContextData = z.infer<typeof inboxContextSchema>

/** A person or organization searched in Pipedrive itself, beyond the cached catalog. */
export const contactSearchSchema = z.object({
  kind: z.enum(['person', 'organization']),
  // Pipedrive's search takes at least 2 characters (without exact_match).
  term: z.string().trim().min(2).max(100),
})
export type ContactSearch = z.infer<typeof contactSearchSchema>
export type ContactKind = ContactSearch['kind']

/** One contact Pipedrive found; `detail` tells namesakes apart (an email, an address). */
export const contactMatchSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  detail: z.string().optional(),
})
export type ContactMatch = z.infer<typeof contactMatchSchema>

export const updateStates = [
  'unavailable',
  'idle',
  'checking',
  'downloading',
  'ready',
  'failed',
] as const
export type UpdateState = (typeof updateStates)[number]

/** Leadbox's own updates, downloaded in the background from its releases. */
export const updateStatusSchema = z.object({
  state: z.enum(updateStates),
  /** The version on its way, or ready to install on restart. */
  version: z.string().nullable(),
  /** How much of the download has arrived, 0 to 100, while downloading. */
  percent: z.number().min(0).max(100).nullable(),
  /** Epoch ms of the last check that got an answer. */
  lastCheckedAt: z.number().nullable(),
  /** In plain words: why updates are off here, or what went wrong. */
  message: z.string().nullable(),
})
export type UpdateStatus = z.infer<typeof updateStatusSchema>

/** Whether Leadbox starts, to the tray, when the user logs in to the computer. */
/** Settings → "Offer contacts copied to the clipboard". */
export const clipboardOfferSchema = z.object({ enabled: z.boolean() })
export type ClipboardOfferSetting = z.infer<typeof clipboardOfferSchema>

export const clipboardTextSchema = z.object({ text: z.string().max(20_000).nullable() })

export const launchAtLoginSchema = z.object({
  supported: z.boolean(),
  enabled: z.boolean(),
})
export type LaunchAtLogin = z.infer<typeof launchAtLoginSchema>

export const contract = {
  'app:getInfo': { request: none, response: appInfoSchema },
  'app:openLogsFolder': { request: none, response: z.undefined() },
  'app:openLink': { request: externalLinkSchema, response: z.boolean() },
  'sync:getStatus': { request: none, response: syncStatusSchema },
  'sync:now': { request: none, response: z.undefined() },
  /** Leadbox's use of Pipedrive's API today and the budget left; null when signed out. */
  'usage:today': { request: none, response: apiUsageSchema.nullable() },
  'quickAdd:hide': { request: none, response: z.undefined() },
  /** The palette's "Quick add": shows the quick-add window, as the shortcut does. */
  'quickAdd:show': { request: none, response: z.undefined() },
  /** Cmd/Ctrl+Enter in quick add: the line, as far as it goes, into the full form. */
  'quickAdd:openInForm': { request: leadSeedSchema, response: z.undefined() },
  /** The main window takes what quick add handed over (once), or null. */
  'leadForm:takeSeed': { request: none, response: leadSeedSchema.nullable() },
  'shortcut:get': { request: none, response: shortcutStatusSchema },
  'shortcut:set': {
    request: z.object({ accelerator: shortcutSchema }),
    response: shortcutStatusSchema,
  },
  'leads:create': { request: leadDraftSchema, response: outboxItemSchema },
  'outbox:list': { request: none, response: z.array(outboxItemSchema) },
  'leads:change': {
    request: z.object({ change: leadChangeSchema, leadTitle: z.string().max(255).optional() }),
    response: outboxItemSchema,
  },
  'outbox:editLead': {
    request: z.object({ id: z.number().int().positive(), draft: leadDraftSchema }),
    response: outboxItemSchema,
  },
  /** A lead not yet in Pipedrive as the draft it will be created from, to edit in the form. */
  'outbox:getDraft': { request: outboxRowRef, response: leadDraftSchema },
  'outbox:resolveConflict': {
    request: z.object({
      id: z.number().int().positive(),
      keep: z.record(z.string(), z.enum(['mine', 'theirs'])),
    }),
    response: outboxItemSchema,
  },
  'catalog:getQuickAddContext': { request: none, response: quickAddContextSchema },
  /** A lead's activities and notes as cached, and what waits in the outbox for it. */
  'leadTimeline:get': { request: z.object({ lead: leadRefSchema }), response: leadTimelineSchema },
  /** The lead was opened: read from Pipedrive when the cached copy is old; never fails on it. */
  'leadTimeline:open': { request: z.object({ lead: leadRefSchema }), response: leadTimelineSchema },
  'leadTimeline:addNote': { request: leadNoteInputSchema, response: outboxItemSchema },
  'leadTimeline:addActivity': { request: leadActivityInputSchema, response: outboxItemSchema },
  'leadTimeline:markDone': { request: markDoneInputSchema, response: outboxItemSchema },
  'outbox:retry': { request: outboxRowRef, response: outboxItemSchema },
  'outbox:discard': { request: outboxRowRef, response: z.array(outboxItemSchema) },
  'auth:getStatus': { request: none, response: accountStatusSchema },
  'auth:signInWithToken': { request: apiTokenSignInSchema, response: accountStatusSchema },
  'auth:signInWithOAuth': { request: none, response: accountStatusSchema },
  'auth:cancelSignIn': { request: none, response: z.undefined() },
  'auth:signOut': { request: none, response: accountStatusSchema },
  'auth:setOAuthClient': { request: oauthClientSchema, response: accountStatusSchema },
  'leads:list': { request: inboxQuerySchema, response: inboxPageSchema },
  /** Refreshes the cached Pipedrive leads now; resolves when done (failures in the status). */
  'leads:refresh': { request: none, response: refreshStatusSchema },
  'catalog:getInboxContext': { request: none, response: inboxContextSchema },
  /** What new leads get unless told otherwise; answers the defaults as kept. */
  'catalog:setLeadDefaults': { request: leadDefaultsSchema, response: leadDefaultsSchema },
  /** Online only: an existing label of that name, or a new one; in the catalog at once. */
  'catalog:createLabel': { request: newLeadLabelSchema, response: leadLabelSchema },
  'catalog:refresh': { request: none, response: refreshStatusSchema },
  /** Pipedrive's own search (online, signed in); what it finds is cached in the catalog too. */
  'catalog:searchContacts': { request: contactSearchSchema, response: z.array(contactMatchSchema) },
  'updates:getStatus': { request: none, response: updateStatusSchema },
  /** Quits and installs the downloaded update; refused while none is ready. */
  'updates:restart': { request: none, response: z.undefined() },
  'launchAtLogin:get': { request: none, response: launchAtLoginSchema },
  /**
   * What the clipboard held when the user last opened quick add, handed over once: the
   * window offers a contact found in it. Null when nothing was read (Settings turned it off).
   */
  'quickAdd:takeClipboard': { request: none, response: clipboardTextSchema },
  'clipboardOffer:get': { request: none, response: clipboardOfferSchema },
  'clipboardOffer:set': { request: clipboardOfferSchema, response: clipboardOfferSchema },
  'launchAtLogin:set': {
    request: z.object({ enabled: z.boolean() }),
    response: launchAtLoginSchema,
  },
} as const satisfies Record<`${string}:${string}`, ChannelSpec>

/** Main → renderer notifications. Coarse on purpose: the renderer refetches what it shows. */
export const events = {
  'outbox:changed': none,
  'sync:status': syncStatusSchema,
  'leads:changed': none,
  'auth:changed': none,
  /** Users, labels, fields, persons or organizations changed in the cached catalog. */
  'catalog:changed': none,
  /** Quick add handed a lead over to the full form in the main window. */
  'leadForm:requested': none,
  /** Leadbox's own update moved on: checking, downloading, ready to install. */
  'updates:changed': none,
} as const satisfies Record<`${string}:${string}`, z.ZodType>

export interface ChannelSpec {
  request: z.ZodType
  response: z.ZodType
}

export type Contract = typeof contract
export type Channel = keyof Contract
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>
export type EventName = keyof typeof events
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>

export const channels = Object.keys(contract) as Channel[]
export const eventNames = Object.keys(events) as EventName[]

export const isChannel = (value: unknown): value is Channel =>
  typeof value === 'string' && Object.hasOwn(contract, value)
export const isEventName = (value: unknown): value is EventName =>
  typeof value === 'string' && Object.hasOwn(events, value)
