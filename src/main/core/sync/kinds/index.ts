import type { OutboxKind } from '../../../../shared/ipc/contract'
import { activityCreate } from './activity-create'
import { activityDone } from './activity-done'
import { organizationCreate, personCreate } from './contact-create'
import { leadArchive, leadDelete, leadUnarchive, leadUpdate } from './lead-change'
import { leadConvert } from './lead-convert'
import { leadCreate } from './lead-create'
import { noteCreate } from './note-create'
import type { RowKind } from './row-kind'

export { outboxKindFacts } from '../../../../shared/outbox/outbox-kinds'

/**
 * Every kind of outbox row and how it reaches Pipedrive: a kind missing here, or one that
 * may not be sent twice without a lookup, does not compile.
 */
export const rowKinds: { [K in OutboxKind]: RowKind<K> } = {
  'person.create': personCreate,
  'organization.create': organizationCreate,
  'lead.create': leadCreate,
  'lead.update': leadUpdate,
  'lead.archive': leadArchive,
  'lead.unarchive': leadUnarchive,
  'lead.delete': leadDelete,
  'lead.convert': leadConvert,
  'note.create': noteCreate,
  'activity.create': activityCreate,
  'activity.done': activityDone,
}
