import { normalizeName } from './normalize'

/**
 * Whether a new person or organization is one already known: in the cached catalog, or
 * still waiting in the outbox to be created. Decided offline, before the contact is queued,
 * so Pipedrive never receives the same contact twice.
 *
 * - an email address matches exactly (case aside), a phone number by its E.164 form;
 * - names match normalized: case, accents, spacing and punctuation aside; `J. Doe` is Jane
 *   Doe and `Doe, Jane` too; an organization's legal form aside (`ACME GmbH` is Acme);
 * - two persons with different email addresses (or phone numbers) are never the same,
 *   whatever their names.
 */

export type ContactKind = 'person' | 'organization'

/** What the line says about the new contact. */
export type NewContact = {
  name: string
  email?: string | undefined
  /** E.164: `+442079460958`. */
  phone?: string | undefined
}

/** A contact in the cached catalog. */
export type KnownContact = {
  id: number
  name: string
  email?: string | null | undefined
  phone?: string | null | undefined
}

/** A new contact still waiting in the outbox, by its outbox row. */
export type WaitingContact = {
  outboxId: number
  name: string
  email?: string | null | undefined
  phone?: string | null | undefined
}

/** Strongest first. */
export type DuplicateReason = 'email' | 'phone' | 'name' | 'initials'

export type LikelyDuplicate = {
  reason: DuplicateReason
  contact:
    | { kind: 'existing'; id: number; name: string }
    | { kind: 'waiting'; outboxId: number; name: string }
}

export type DuplicateIndex = {
  /** The likeliest match for the new contact, or none. */
  likelyMatch(contact: NewContact, waiting?: readonly WaitingContact[]): LikelyDuplicate | undefined
}

/**
 * Legal forms left out of an organization's name, after punctuation is gone (`S.A.` → `sa`).
 * Only at the end of the name, and never its only word.
 */
const legalForms = new Set(
  (
    'ab ag as asa bv bvba co company corp corporation cv eg ev gbr gmbh inc incorporated kg ' +
    'kgaa lda limited llc llp lp ltd ltda mbh nv oy oyj ohg plc pty sa sarl sas sl spa sprl ' +
    'srl sro ug vof'
  ).split(' '),
)
/** Words that join a legal form to the name: `GmbH & Co. KG`, `Smith and Co`. */
const joiners = new Set(['&', 'and', 'und', 'et', 'y', 'e'])

/** Letters, digits and `&` kept; other punctuation becomes a space (`S.A.` stays `s a`). */
function wordsOf(name: string): string[] {
  return normalizeName(name)
    .replace(/[^\p{L}\p{N}&\s]+/gu, (mark) => (mark === '.' ? '' : ' '))
    .split(/\s+/)
    .filter((word) => word !== '')
}

/** The name as people of one company are compared: `ACME Holding GmbH & Co. KG` → `acme holding`. */
export function organizationKey(name: string): string {
  const words = wordsOf(name)
  let cut = false
  while (words.length > 1) {
    const last = words.at(-1)!
    if (!legalForms.has(last) && !(cut && joiners.has(last))) break
    words.pop()
    cut = true
  }
  return words.join(' ')
}

/** `Doe, Jane` is Jane Doe; `jane  DOE` too. */
function personWords(name: string): string[] {
  const comma = name.indexOf(',')
  const ordered =
    comma > 0 && name.indexOf(',', comma + 1) === -1
      ? `${name.slice(comma + 1)} ${name.slice(0, comma)}`
      : name
  return wordsOf(ordered)
}

export function personKey(name: string): string {
  return personWords(name).join(' ')
}

/** Given names cut to their initial, the last name whole: `Jane Mary Doe` → `j m doe`. */
export function personInitialsKey(name: string): string {
  const words = personWords(name)
  if (words.length < 2) return ''
  return [...words.slice(0, -1).map((word) => word[0]!), words.at(-1)!].join(' ')
}

/**
 * `J. Doe` and `Jane Doe` share the initials key, as does John Doe: each given name must be
 * the same or an initial of the other's.
 */
function givenNamesAgree(typed: string, known: string): boolean {
  const a = personWords(typed)
  const b = personWords(known)
  if (a.length !== b.length) return false
  return a.every((word, at) => {
    const other = b[at]!
    if (word === other) return true
    return (
      (word.length === 1 && other.startsWith(word)) ||
      (other.length === 1 && word.startsWith(other))
    )
  })
}

const emailKey = (email: string | null | undefined) => email?.trim().toLowerCase() || undefined
const phoneKey = (phone: string | null | undefined) => phone?.replace(/[^\d+]/g, '') || undefined

type Candidate = LikelyDuplicate['contact'] & { email?: string; phone?: string }

function push<K>(map: Map<K, Candidate[]>, key: K | undefined, candidate: Candidate): void {
  if (key === undefined || key === '') return
  const list = map.get(key)
  if (list) list.push(candidate)
  else map.set(key, [candidate])
}

/**
 * Indexes the catalog's persons or organizations once (a single pass over 100,000 of them),
 * after which each new contact is matched in constant time plus the waiting ones.
 */
export function createDuplicateIndex(
  kind: ContactKind,
  catalog: readonly KnownContact[],
): DuplicateIndex {
  const index = createDuplicateIndexInSteps(kind, catalog)
  index.buildSome(() => false)
  return index
}

/**
 * The same index built a slice at a time, so a window with 100,000 persons opens and reads
 * keystrokes while it is indexed: `buildSome` goes on until told to stop, true once built.
 * Asked before it is done, it finishes first: an answer never comes from part of the catalog.
 */
export type DuplicateIndexInSteps = DuplicateIndex & {
  buildSome(shouldYield: () => boolean): boolean
}

/** Entries filed between two chances to yield: well under a slice of a window's time. */
const sliceSize = 512

export function createDuplicateIndexInSteps(
  kind: ContactKind,
  catalog: readonly KnownContact[],
): DuplicateIndexInSteps {
  const nameKey = kind === 'person' ? personKey : organizationKey

  const file = (target: ReturnType<typeof newMaps>, candidate: Candidate) => {
    push(target.byEmail, candidate.email, candidate)
    push(target.byPhone, candidate.phone, candidate)
    push(target.byName, nameKey(candidate.name), candidate)
    if (kind === 'person') push(target.byInitials, personInitialsKey(candidate.name), candidate)
  }
  const own = newMaps()
  let filed = 0
  const buildSome = (shouldYield: () => boolean): boolean => {
    while (filed < catalog.length) {
      const end = Math.min(filed + sliceSize, catalog.length)
      for (; filed < end; filed += 1) {
        const entry = catalog[filed]!
        file(own, {
          kind: 'existing',
          id: entry.id,
          name: entry.name,
          email: emailKey(entry.email),
          phone: phoneKey(entry.phone),
        })
      }
      if (filed < catalog.length && shouldYield()) return false
    }
    return true
  }

  // Indexed once per list: quick add hands the same list in until the outbox changes.
  const waitingIndexes = new WeakMap<readonly WaitingContact[], ReturnType<typeof newMaps>>()
  const indexWaiting = (waiting: readonly WaitingContact[]) => {
    let pending = waitingIndexes.get(waiting)
    if (!pending) {
      pending = newMaps()
      for (const row of waiting) {
        file(pending, {
          kind: 'waiting',
          outboxId: row.outboxId,
          name: row.name,
          email: emailKey(row.email),
          phone: phoneKey(row.phone),
        })
      }
      waitingIndexes.set(waiting, pending)
    }
    return pending
  }

  return {
    buildSome,
    likelyMatch(contact, waiting = noneWaiting) {
      buildSome(() => false)
      const pending = indexWaiting(waiting)
      const email = kind === 'person' ? emailKey(contact.email) : undefined
      const phone = kind === 'person' ? phoneKey(contact.phone) : undefined
      // Contradicting facts make two persons different people.
      const agrees = (candidate: Candidate) =>
        !(email && candidate.email && candidate.email !== email) &&
        !(phone && candidate.phone && candidate.phone !== phone)
      const searches: [DuplicateReason, keyof typeof own, string | undefined][] = [
        ['email', 'byEmail', email],
        ['phone', 'byPhone', phone],
        ['name', 'byName', nameKey(contact.name)],
        ['initials', 'byInitials', kind === 'person' ? personInitialsKey(contact.name) : ''],
      ]
      for (const [reason, map, key] of searches) {
        if (!key) continue
        const match = [own[map].get(key), pending[map].get(key)]
          .flatMap((found) => found ?? [])
          .find(
            (candidate) =>
              agrees(candidate) &&
              (reason !== 'initials' || givenNamesAgree(contact.name, candidate.name)),
          )
        if (match) return { reason, contact: contactOf(match) }
      }
      return undefined
    },
  }
}

const noneWaiting: readonly WaitingContact[] = []

function newMaps() {
  return {
    byEmail: new Map<string, Candidate[]>(),
    byPhone: new Map<string, Candidate[]>(),
    byName: new Map<string, Candidate[]>(),
    byInitials: new Map<string, Candidate[]>(),
  }
}

function contactOf(candidate: Candidate): LikelyDuplicate['contact'] {
  return candidate.kind === 'existing'
    ? { kind: 'existing', id: candidate.id, name: candidate.name }
    : { kind: 'waiting', outboxId: candidate.outboxId, name: candidate.name }
}
