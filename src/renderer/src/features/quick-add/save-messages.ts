import type { SyncStatus } from '../../../../shared/ipc/contract'
import { LeadboxError } from '../../../../shared/result'
import { describeError } from '../../ui/describe-error'

/**
 * What the status line says once a lead is in the outbox. With no network, no Pipedrive
 * account or Pipedrive not answering it stays there for now, and the user should know it
 * will still get there.
 */
export function savedMessage(title: string, status: SyncStatus | undefined): string {
  if (status === undefined) return `Saved: ${title}`
  if (!status.online || !status.signedIn) return `Saved offline — will sync: ${title}`
  if (status.unreachableSince !== null) return `Saved — Pipedrive unreachable, will sync: ${title}`
  return `Saved: ${title}`
}

/**
 * Why a lead was not saved, one line per problem: what each field needs ("Link the lead to
 * a person or an organization") when main names fields, else main's message.
 */
export function saveProblems(error: unknown): string[] {
  const fields = error instanceof LeadboxError && error.fields ? Object.values(error.fields) : []
  return fields.length > 0 ? [...new Set(fields)] : [describeError(error).message]
}
