// What the search endpoints see. Pipedrive's search reads an index that is fed after the write
// has been committed, so a search right after a create may miss the record (API-NOTES §5); the
// lists and GET by id read the database and are consistent at once.
//
// The model: every write through the API stores a copy of the record here, stamped with the
// write time. A search at time T with lag L sees, for each record, the newest copy written at or
// before T - L: nothing for a record created within the lag, the previous state for one updated
// within it, and a deleted or converted lead until its deletion is indexed. Seed data counts as
// indexed since forever. Related names in results (a lead's person) are read at search time.
import type { App } from './app'
import type { Lead, Note, Organization, Person } from './store'

interface Copy<T> {
  at: number
  /** null once the record was deleted. */
  value: T | null
}

export class Versions<K, T> {
  private readonly byId = new Map<K, Array<Copy<T>>>()

  /** A record that was there before the sandbox started. */
  seed(id: K, value: T): void {
    this.byId.set(id, [{ at: -Infinity, value: structuredClone(value) }])
  }

  write(id: K, value: T | null, at: number, indexedBefore: number): void {
    const copies = this.byId.get(id) ?? []
    copies.push({ at, value: value === null ? null : structuredClone(value) })
    copies.sort((a, b) => a.at - b.at)
    // Copies older than the newest indexed one can never be seen again (unless the lag is raised
    // later, which then does not bring old states back).
    let newestIndexed = -1
    copies.forEach((copy, i) => {
      if (copy.at <= indexedBefore) newestIndexed = i
    })
    if (newestIndexed > 0) copies.splice(0, newestIndexed)
    const only = copies[0]
    if (copies.length === 1 && only && only.value === null && only.at <= indexedBefore) {
      this.byId.delete(id)
    } else {
      this.byId.set(id, copies)
    }
  }

  /** The records as the index knows them at `indexedBefore` (now minus the lag). */
  asOf(indexedBefore: number): T[] {
    const out: T[] = []
    for (const copies of this.byId.values()) {
      let visible: Copy<T> | undefined
      for (const copy of copies) {
        if (copy.at > indexedBefore) break
        visible = copy
      }
      if (visible?.value) out.push(visible.value)
    }
    return out
  }
}

export interface SearchIndex {
  leads: Versions<string, Lead>
  persons: Versions<number, Person>
  organizations: Versions<number, Organization>
  notes: Versions<number, Note>
}

export function seedIndex(records: {
  leads: Iterable<Lead>
  persons: Iterable<Person>
  organizations: Iterable<Organization>
  notes: Iterable<Note>
}): SearchIndex {
  const index: SearchIndex = {
    leads: new Versions(),
    persons: new Versions(),
    organizations: new Versions(),
    notes: new Versions(),
  }
  for (const lead of records.leads) index.leads.seed(lead.id, lead)
  for (const person of records.persons) index.persons.seed(person.id, person)
  for (const org of records.organizations) index.organizations.seed(org.id, org)
  for (const note of records.notes) index.notes.seed(note.id, note)
  return index
}

/** Where the index has caught up to: writes at or before this time are searchable. */
export function indexedBefore(app: App): number {
  return app.now() - Math.max(0, app.faults.searchIndexLagMs)
}

type Kinds = {
  [K in keyof SearchIndex]: SearchIndex[K] extends Versions<infer Id, infer T> ? [Id, T] : never
}

/** Call after every write through the API; `null` for a deleted record. */
export function reindex<K extends keyof SearchIndex>(
  app: App,
  kind: K,
  id: Kinds[K][0],
  value: Kinds[K][1] | null,
): void {
  const versions = app.data.searchIndex[kind] as unknown as Versions<Kinds[K][0], Kinds[K][1]>
  versions.write(id, value, app.now(), indexedBefore(app))
}
