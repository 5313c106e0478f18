import { z } from 'zod'
import { leadLabelColors, sameLabelName, type NewLeadLabel } from '../../../shared/leads/lead-label'
import { LeadboxError } from '../../../shared/result'
import type { AccountSession } from '../accounts/account-session'
import type { Logger } from '../log/logger'
import { PipedriveFailure } from '../pipedrive/failure'
import type { NetworkSignals } from '../sync/network'
import type { Catalog, CatalogLabel } from './catalog'
import { parseLabels } from './pipedrive-catalog'

export interface LabelCreatorOptions {
  catalog: Catalog
  session(): Pick<AccountSession, 'account' | 'client'> | null
  network: NetworkSignals
  log: Logger
  /** The catalog changed: the windows refetch. */
  onChange(): void
  /** For the whole creation, waiting for the rate limiter included. */
  timeoutMs?: number
}

export interface LabelCreator {
  /**
   * The label with this name: one the company already has (names compared ignoring case),
   * or a new one created in Pipedrive. Either way it is in the catalog when this resolves.
   */
  create(input: NewLeadLabel): Promise<CatalogLabel>
}

// What Leadbox needs of addLeadLabel's answer: a label it can put on a lead.
const createdLabelSchema = z.looseObject({
  id: z.uuid(),
  name: z.string(),
  color: z.enum(leadLabelColors),
})

const needsConnection = 'Creating a label needs a connection to Pipedrive.'

/**
 * Creates lead labels in Pipedrive, online only: a label is the company's catalog, not a
 * lead's change, so it is not queued in the outbox. Pipedrive has no idempotency keys, so
 * the company's labels are read first: a label created elsewhere since the last refresh,
 * or by an earlier attempt whose answer was lost, is returned rather than made twice.
 */
export function createLabelCreator(options: LabelCreatorOptions): LabelCreator {
  const { catalog, log } = options
  const timeoutMs = options.timeoutMs ?? 20_000

  const known = (name: string) => catalog.labels().find((label) => sameLabelName(label.name, name))

  return {
    async create(input) {
      const cached = known(input.name)
      if (cached) return cached
      const session = options.session()
      if (!session) {
        throw new LeadboxError(
          'offline',
          `${needsConnection} Sign in to Pipedrive in Settings, then try again.`,
        )
      }
      if (!options.network.isOnline()) {
        throw new LeadboxError(
          'offline',
          `${needsConnection} This computer is offline; try again once it is back.`,
        )
      }
      const signal = AbortSignal.timeout(timeoutMs)
      let changed = catalog.adoptAccount(session.account)
      const client = session.client.for('catalog')
      try {
        const listed = parseLabels((await client.getLeadLabels({ signal })).data)
        changed = catalog.replaceLabels(listed.items) || changed
        const existing = known(input.name)
        if (existing) return existing

        const answer = await client.addLeadLabel(
          { name: input.name, color: input.color },
          { signal },
        )
        const created = createdLabelSchema.safeParse(answer.data)
        if (!created.success) {
          log.warn({ issues: created.error.issues.length }, 'pipedrive label answer unreadable')
          throw new LeadboxError(
            'pipedrive_rejected',
            "Pipedrive's answer did not say which label it created. It shows here after the next catalog refresh.",
          )
        }
        const label = { id: created.data.id, name: created.data.name, color: created.data.color }
        changed = catalog.upsertLabel(label) || changed
        log.info({ label: label.id }, 'lead label created in pipedrive')
        return label
      } catch (error) {
        throw refusal(error, signal.aborted)
      } finally {
        if (changed) options.onChange()
      }
    },
  }
}

/** What the user is told when the label could not be created. */
function refusal(error: unknown, timedOut: boolean): unknown {
  if (error instanceof LeadboxError) return error
  if (error instanceof PipedriveFailure) {
    if (error.kind === 'validation') {
      // Leadbox checks the color itself, so what Pipedrive refuses is the name.
      return new LeadboxError(
        'pipedrive_rejected',
        'Pipedrive did not accept this label.',
        { name: error.message },
        error,
      )
    }
    if (error.kind === 'unknown_outcome') {
      return new LeadboxError(
        'offline',
        'Pipedrive did not confirm the label. Try again: Leadbox looks for it first, so it is not created twice.',
        undefined,
        error,
      )
    }
    if (error.kind === 'not_sent' || (error.kind === 'server_error' && error.status === null)) {
      return new LeadboxError(
        'offline',
        `${needsConnection} Leadbox could not reach Pipedrive; check your connection and try again.`,
        undefined,
        error,
      )
    }
    return new LeadboxError('pipedrive_rejected', error.message, undefined, error)
  }
  // The time allowed ran out while the rate limiter held the request back.
  if (timedOut) {
    return new LeadboxError(
      'offline',
      'Pipedrive is not taking requests from Leadbox right now; try again in a minute.',
      undefined,
      error,
    )
  }
  return error
}
