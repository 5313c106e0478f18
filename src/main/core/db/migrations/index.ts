import type { Database } from 'better-sqlite3'
import { settings001 } from './001-settings'
import { outbox002 } from './002-outbox'
import { catalog003 } from './003-catalog'
import { outboxConflicts004 } from './004-outbox-conflicts'
import { inboxLeads005 } from './005-inbox-leads'
import { outboxConversions006 } from './006-outbox-conversions'
import { inboxVisibility007 } from './007-inbox-visibility'
import { outboxKindsAndLostRequests008 } from './008-outbox-kinds-and-lost-requests'
import { apiUsage009 } from './009-api-usage'
import { inboxAtScale010 } from './010-inbox-at-scale'
import { catalogActivityTypes011 } from './011-catalog-activity-types'
import { outboxActivities012 } from './012-outbox-activities'
import { leadTimeline013 } from './013-lead-timeline'
import { inboxNextActivity014 } from './014-inbox-next-activity'
import { inboxDueTally015 } from './015-inbox-due-tally'
import { inboxSearchPrefixes016 } from './016-inbox-search-prefixes'
import { inboxLiveSearch017 } from './017-inbox-live-search'
import { inboxContactOrder018 } from './018-inbox-contact-order'

export interface Migration {
  version: number
  name: string
  up(db: Database): void
}

/** In order; a migration is never edited once released, only followed by another. */
export const migrations: readonly Migration[] = [
  settings001,
  outbox002,
  catalog003,
  outboxConflicts004,
  inboxLeads005,
  outboxConversions006,
  inboxVisibility007,
  outboxKindsAndLostRequests008,
  apiUsage009,
  inboxAtScale010,
  catalogActivityTypes011,
  outboxActivities012,
  leadTimeline013,
  inboxNextActivity014,
  inboxDueTally015,
  inboxSearchPrefixes016,
  inboxLiveSearch017,
  inboxContactOrder018,
]

export const latestVersion = migrations.length
