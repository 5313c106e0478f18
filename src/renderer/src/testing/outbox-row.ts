import { outboxItemSchema, type OutboxItem } from '../../../shared/ipc/contract'

/** An outbox row as main sends it, for renderer tests: a queued new lead unless told otherwise. */
export const outboxRow = (id: number, overrides: Partial<OutboxItem> = {}): OutboxItem =>
  outboxItemSchema.parse({
    id,
    clientId: `client-${id}`,
    kind: 'lead.create',
    state: 'queued',
    title: `Lead ${id}`,
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    remoteId: null,
    lead: null,
    dependsOn: [],
    conflict: null,
    summary: null,
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  })
