import { z } from 'zod'
import type { ContactKind, ContactMatch } from '../../../shared/ipc/contract'
import { LeadboxError } from '../../../shared/result'
import type { Logger } from '../log/logger'
import { PipedriveFailure } from '../pipedrive/failure'
import type { NetworkSignals } from '../sync/network'
import type { Catalog } from './catalog'
import type { CatalogSession } from './catalog-refresh'

export interface ContactSearchOptions {
  catalog: Catalog
  session(): CatalogSession | null
  network: NetworkSignals
  log: Logger
  /** The catalog gained or changed contacts: the windows refetch. */
  onChange(): void
  /** Hits asked of Pipedrive per search. */
  limit?: number
}

export interface ContactSearch {
  /**
   * Pipedrive's own search for persons or organizations by name (and email or address);
   * what it finds is kept in the catalog, for offline use and the inbox's names. Offline or
   * signed out it finds nothing; a failure in Pipedrive is a LeadboxError.
   */
  find(kind: ContactKind, term: string): Promise<ContactMatch[]>
}

// The hit's `item`, as much as the picker and the catalog use. Each is checked on its own:
// one odd hit is left out, it does not cost the user the others.
const personHit = z.looseObject({
  id: z.number().int().positive(),
  name: z.string().min(1),
  emails: z.array(z.string()).nullish(),
  organization: z
    .looseObject({ id: z.number().int().positive(), name: z.string().min(1) })
    .nullish(),
})
const organizationHit = z.looseObject({
  id: z.number().int().positive(),
  name: z.string().min(1),
  address: z.string().nullish(),
})

function itemsOf<S extends z.ZodType>(schema: S, hits: ReadonlyArray<{ item?: unknown }>) {
  return hits.flatMap((hit) => {
    const parsed = schema.safeParse(hit.item)
    return parsed.success ? [parsed.data as z.output<S>] : []
  })
}

const detail = (text: string | null | undefined) => (text ? { detail: text } : {})

/** A typeahead waits for no one: a search that takes longer than this is given up. */
const searchTimeoutMs = 10_000

function searchFailed(failure: PipedriveFailure): LeadboxError {
  if (failure.kind === 'not_sent') {
    return new LeadboxError(
      'offline',
      'Leadbox could not reach Pipedrive, so only saved contacts are shown.',
      undefined,
      failure,
    )
  }
  return new LeadboxError(
    'pipedrive_rejected',
    `Pipedrive's search did not work. ${failure.message}`,
    undefined,
    failure,
  )
}

/**
 * GET /api/v2/persons/search and /api/v2/organizations/search through the account's client,
 * so each search waits its turn under the search cap (10 per 2 s) and costs 20 tokens: the
 * renderer asks only when typing pauses, and once per term.
 */
export function createContactSearch(options: ContactSearchOptions): ContactSearch {
  const { catalog, log } = options
  const limit = options.limit ?? 10

  async function ask(session: CatalogSession, kind: ContactKind, term: string) {
    const query = { term, limit }
    const timeout = { timeoutMs: searchTimeoutMs }
    try {
      return kind === 'person'
        ? await session.client
            .for('catalog')
            .searchPersons({ ...query, fields: 'name,email' }, timeout)
        : await session.client
            .for('catalog')
            .searchOrganizations({ ...query, fields: 'name,address' }, timeout)
    } catch (error) {
      throw error instanceof PipedriveFailure ? searchFailed(error) : error
    }
  }

  /** Keeps the persons found, and their organizations; answers what to show. */
  function keepPersons(hits: Array<{ item?: unknown }>) {
    const persons = itemsOf(personHit, hits).map((p) => ({
      id: p.id,
      name: p.name,
      email: p.emails?.find((email) => email !== '') ?? null,
      organization: p.organization ?? null,
    }))
    const organizations = persons.flatMap((p) => (p.organization ? [p.organization] : []))
    const changed =
      catalog.addFoundOrganizations(organizations) +
      catalog.addFoundPersons(
        persons.map((p) => ({ ...p, organizationId: p.organization?.id ?? null })),
      )
    return {
      changed: changed > 0,
      matches: persons.map((p) => ({ id: p.id, name: p.name, ...detail(p.email) })),
    }
  }

  function keepOrganizations(hits: Array<{ item?: unknown }>) {
    const organizations = itemsOf(organizationHit, hits)
    return {
      changed: catalog.addFoundOrganizations(organizations) > 0,
      matches: organizations.map((o) => ({ id: o.id, name: o.name, ...detail(o.address) })),
    }
  }

  return {
    async find(kind, text) {
      const term = text.trim()
      const session = options.session()
      if (!session || !options.network.isOnline() || term.length < 2) return []
      const hits = (await ask(session, kind, term)).data.items
      // Signed out or another account while Pipedrive answered: nothing to show or keep.
      if (options.session()?.account !== session.account) return []
      // A catalog still filled for another account is not this answer's place.
      const cleared = catalog.adoptAccount(session.account)
      const { changed, matches } = kind === 'person' ? keepPersons(hits) : keepOrganizations(hits)
      if (cleared || changed) options.onChange()
      log.debug({ kind, found: matches.length, changed }, 'pipedrive contact search')
      return matches
    },
  }
}
