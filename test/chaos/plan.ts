// The chaos test's plan: what the "user" does, as a pure function of a seed, so a failing
// seed replays the same operations. Shared by the controller (chaos.test.ts, run.ts), which
// checks the outcome, and the worker, which performs it against the real core.
import type { LeadValue } from '../../src/shared/leads/lead-draft'
import { seedIds } from '../pipedrive-sandbox/seed'

/** A small, fast PRNG with a 32-bit state: good enough to pick moments and names. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

export class Random {
  readonly next: () => number

  /** `stream` separates independent sequences of one seed (plan, kills, faults…). */
  constructor(seed: number, stream = 0) {
    this.next = mulberry32((seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0)
  }

  /** An integer in [low, high]. */
  int(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from nothing')
    return items[Math.floor(this.next() * items.length)]!
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items]
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      ;[out[i], out[j]] = [out[j]!, out[i]!]
    }
    return out
  }
}

/** Independent random streams of one seed. */
export const streams = { plan: 1, kills: 2, faults: 3, worker: 4 } as const

export type PersonChoice =
  { kind: 'existing'; id: number } | { kind: 'new'; name: string; email?: string; phone?: string }
export type OrganizationChoice = { kind: 'existing'; id: number } | { kind: 'new'; name: string }

export interface CaptureOp {
  type: 'capture'
  n: number
  title: string
  person?: PersonChoice
  organization?: OrganizationChoice
  value?: LeadValue
  note?: string
  /** The new person is the one op `shares`'s lead waits for, chosen on the chip: one person, two leads. */
  shares?: number
  /** The lead's next activity; the subject names the op, so each is told apart. */
  activity?: { type: string; subject: string; dueDate: string }
  /** The worker's pause after the operation (ms). */
  pauseMs: number
}

export type ChangeKind = 'update' | 'archive' | 'unarchive' | 'delete' | 'convert'

export interface LeadEdit {
  title?: string
  value?: LeadValue | null
}

export interface ChangeOp {
  type: 'change'
  n: number
  kind: ChangeKind
  /** The capture op whose lead this changes. */
  target: number
  /**
   * Made after the lead's delete or conversion was committed: the app may refuse it (the
   * removal is still on its way) or accept it (the removal is done), and then Pipedrive has
   * no lead for it.
   */
  late: boolean
  after?: LeadEdit
  before?: LeadEdit
  /** What the worker passes as the lead's title: starts with this op's marker. */
  leadTitle: string
  pauseMs: number
}

/** Things a user does that commit nothing: "Sync now", the network going away and back. */
export type NudgeOp =
  | { type: 'syncNow'; n: number; pauseMs: number }
  | { type: 'networkFlap'; n: number; offMs: number; pauseMs: number }

/** Leads only Pipedrive has (Leadbox did not create them): the controller makes them. */
export const pipedriveLeads = { count: 2, activitiesEach: 2 }

/** A lead the pane's actions go to: a capture's, or one only Pipedrive has (by index). */
export type LeadTarget = { kind: 'capture'; n: number } | { kind: 'pipedrive'; index: number }

/** An activity: queued by op `n` (a capture or the pane), or one a Pipedrive-only lead had. */
export type ActivityTarget =
  { kind: 'queued'; n: number } | { kind: 'pipedrive'; lead: number; index: number }

/** The lead pane's actions: a note or an activity added to a lead, an activity marked done. */
export type PaneOp =
  | { type: 'note'; n: number; lead: LeadTarget; content: string; pauseMs: number }
  | {
      type: 'activity'
      n: number
      lead: LeadTarget
      activity: { type: string; subject: string; dueDate: string }
      pauseMs: number
    }
  | {
      type: 'done'
      n: number
      lead: LeadTarget
      activity: ActivityTarget
      subject: string
      pauseMs: number
    }

/**
 * The lead form's edit of a lead still waiting in the outbox: a new title, and a person
 * Pipedrive has instead of the new one it was captured with (which another lead may wait for
 * too). A lead already on its way is edited as a sent one is, as the form then does.
 */
export interface WaitingEditOp {
  type: 'waitingEdit'
  n: number
  target: number
  title: string
  personId: number
  /** The title before, for the edit of a lead already on its way. */
  before: string
  leadTitle: string
  pauseMs: number
}

/** What a waiting lead's title says once op `n` edited it, read back for progress. */
export const waitingEditOfTitle = (title: string): number | null => {
  const match = / edited while waiting by op(\d+)$/.exec(title)
  return match ? Number(match[1]) : null
}

/**
 * The user discards a lead still waiting in the outbox, whose new person another waiting lead
 * waits for too: that person stays, for the other lead. A lead already on its way is deleted.
 */
export interface DiscardWaitingOp {
  type: 'discardWaiting'
  n: number
  target: number
  leadTitle: string
  pauseMs: number
}

export type Op = CaptureOp | ChangeOp | NudgeOp | PaneOp | WaitingEditOp | DiscardWaitingOp

export interface Plan {
  seed: number
  ops: Op[]
}

/** What every title of one op starts with; unique per seed and op. */
export const marker = (seed: number, n: number) => `chaos s${seed} op${n}`

/** Rows the pane's actions make; a capture's own note and activity are not titled by marker. */
const paneKinds = new Set(['note.create', 'activity.create', 'activity.done'])

/** The op an outbox row was committed by, read back from its title; null for other rows. */
export function opOfTitle(seed: number, kind: string, title: string): number | null {
  if (!kind.startsWith('lead.') && !paneKinds.has(kind)) return null
  const match = /^(?:[A-Za-z ]+: )?chaos s(\d+) op(\d+)(?!\d)/.exec(title)
  if (!match || Number(match[1]) !== seed) return null
  return Number(match[2])
}

export const emailOf = (person: PersonChoice | undefined) =>
  person?.kind === 'new' ? person.email : undefined

/** Names new persons share with each other and with persons Pipedrive had before. */
const sharedPersonNames = ['Anna Weber', 'Anna Weber', 'Anna Weber', 'Jonas Wolf']
const seededPersonNames = ['Maria Schmidt', 'Tom Becker', 'Lena Fischer', 'John Appleseed']
const sharedOrganizationNames = ['Weber Logistik', 'Weber Logistik']
const seededOrganizationNames = ['Acme Logistics GmbH', 'Blue River Foods', 'Contoso Ltd']
const words = [
  'fleet',
  'renewal',
  'vans',
  'trade fair',
  'referral',
  'warehouse',
  'pilot',
  'leasing',
  'service',
  'expansion',
]
const currencies = ['EUR', 'USD', 'GBP'] as const

type Status = 'active' | 'archived' | 'deleted' | 'converted' | 'discarded'

interface ModelLead {
  n: number
  status: Status
  title: string
  value: LeadValue | null
  person?: PersonChoice
  /** The capture whose queued person this lead's is (itself when it queued it). */
  personOwner?: number
  organizationNew?: boolean
}

/**
 * The plan of one seed. Changes go only where the user could make them (an edit of an active
 * lead, an unarchive of an archived one…), except the deliberate late changes.
 */
export function makePlan(seed: number, count: number): Plan {
  const random = new Random(seed, streams.plan)
  const ops: Op[] = []
  const leads: ModelLead[] = []
  const removals: ModelLead[] = []
  /** Activities that may be marked done: made by op `made` (-1: before the run). */
  const openActivities: Array<{ lead: LeadTarget; activity: ActivityTarget; made: number }> = []
  for (let index = 0; index < pipedriveLeads.count; index++) {
    for (let a = 0; a < pipedriveLeads.activitiesEach; a++) {
      openActivities.push({
        lead: { kind: 'pipedrive', index },
        activity: { kind: 'pipedrive', lead: index, index: a },
        made: -1,
      })
    }
  }
  const takesChanges = (lead: LeadTarget) =>
    lead.kind === 'pipedrive' ||
    leads.some((l) => l.n === lead.n && (l.status === 'active' || l.status === 'archived'))
  const pause = () => (random.chance(0.1) ? random.int(200, 450) : random.int(10, 110))
  const valueOf = (): LeadValue => ({
    amount: random.int(1, 900) * 100,
    currency: random.pick(currencies),
  })

  /** Recent leads more often: changes of leads still waiting in the outbox. */
  const target = (candidates: ModelLead[]): ModelLead => {
    const recent = candidates.slice(-6)
    return random.chance(0.55) ? random.pick(recent) : random.pick(candidates)
  }

  for (let n = 0; n < count; n++) {
    const active = leads.filter((lead) => lead.status === 'active')
    const archived = leads.filter((lead) => lead.status === 'archived')
    /** In the order they were removed. */
    const removed = removals
    // Marked done a while after it was queued: the user sees it once it is in Pipedrive.
    const doneCandidates = openActivities.filter(
      (a) => takesChanges(a.lead) && (a.made < 0 || a.made < n - 25),
    )
    // Recent leads with a new person: likely still waiting, their person maybe shared.
    const waitingWithPerson = active.slice(-8).filter((lead) => lead.person?.kind === 'new')
    // Discarded only with a person another live lead waits for, and no new organization:
    // a contact queued for it alone would be sent anyway (the outbox lists it on its own).
    const discardable = waitingWithPerson.filter(
      (lead) =>
        !lead.organizationNew &&
        leads.some(
          (other) =>
            other !== lead &&
            (other.status === 'active' || other.status === 'archived') &&
            other.personOwner === lead.personOwner,
        ),
    )
    type Choice = 'capture' | ChangeKind | 'late' | NudgeOp['type'] | PaneOp['type']
    const weights: Array<[Choice | 'waitingEdit' | 'discardWaiting', number]> = [
      ['capture', n < 8 ? 100 : 42],
      ['update', active.length > 0 ? 18 : 0],
      ['archive', active.length > 0 ? 6 : 0],
      ['unarchive', archived.length > 0 ? 6 : 0],
      ['delete', active.length + archived.length > 3 ? 5 : 0],
      ['convert', active.length > 3 ? 6 : 0],
      ['late', removed.length > 0 ? 3 : 0],
      ['syncNow', 5],
      ['networkFlap', 2],
      ['note', n < 8 ? 0 : 3],
      ['activity', n < 8 ? 0 : 3],
      ['done', doneCandidates.length > 0 ? 3 : 0],
      ['waitingEdit', waitingWithPerson.length > 0 ? 3 : 0],
      ['discardWaiting', discardable.length > 0 ? 2 : 0],
    ]
    const total = weights.reduce((sum, [, w]) => sum + w, 0)
    let roll = random.next() * total
    let choice = weights.find(([, w]) => (roll -= w) < 0)?.[0] ?? 'capture'
    // A conversion near the end, still open once the plan is done: the controller kills the
    // worker during one then, if it has not yet.
    if (n === count - 3 && active.length > 0) choice = 'convert'
    const mark = marker(seed, n)

    switch (choice) {
      case 'capture': {
        const op: CaptureOp = {
          type: 'capture',
          n,
          title: `${mark} ${random.pick(words)} ${random.pick(words)}`,
          pauseMs: pause(),
        }
        const personRoll = random.next()
        const sharable = waitingWithPerson.filter((lead) => lead.personOwner !== undefined)
        if (sharable.length > 0 && random.chance(0.15)) {
          const other = random.pick(sharable)
          op.person = { ...(other.person as PersonChoice) }
          op.shares = other.n
        } else if (personRoll < 0.3) {
          op.person = { kind: 'existing', id: random.pick(Object.values(seedIds.persons)) }
        } else if (personRoll < 0.72) {
          const nameRoll = random.next()
          const name =
            nameRoll < 0.45
              ? random.pick(sharedPersonNames)
              : nameRoll < 0.65
                ? random.pick(seededPersonNames)
                : `Chaos Person s${seed} n${n}`
          const slug = name
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '.')
            .replace(/^\.|\.$/g, '')
          const contactRoll = random.next()
          op.person = { kind: 'new', name }
          if (contactRoll < 0.55) op.person.email = `${slug}.s${seed}.n${n}@chaos.example`
          else if (contactRoll < 0.7) op.person.phone = `+49 30 ${seed % 100_000} ${n}`
        }
        const organizationRoll = random.next()
        const wantOrganization = op.person === undefined || organizationRoll < 0.45
        if (wantOrganization) {
          if (random.chance(0.45)) {
            op.organization = {
              kind: 'existing',
              id: random.pick(Object.values(seedIds.organizations)),
            }
          } else {
            const nameRoll = random.next()
            const name =
              nameRoll < 0.3
                ? random.pick(sharedOrganizationNames)
                : nameRoll < 0.45
                  ? random.pick(seededOrganizationNames)
                  : `Chaos Org s${seed} n${n}`
            op.organization = { kind: 'new', name }
          }
        }
        if (random.chance(0.5)) op.value = valueOf()
        if (random.chance(0.35)) op.note = `Chaos note s${seed} n${n}: ${random.pick(words)}`
        // Every third capture, without a draw of its own, so the rest of the plan stays as it was.
        if (n % 3 === 0)
          op.activity = {
            type: 'call',
            subject: `Chaos call s${seed} n${n}`,
            dueDate: '2027-01-15',
          }
        ops.push(op)
        leads.push({
          n,
          status: 'active',
          title: op.title,
          value: op.value ?? null,
          person: op.person,
          organizationNew: op.organization?.kind === 'new',
          personOwner:
            op.person?.kind === 'new'
              ? op.shares === undefined
                ? n
                : leads.find((l) => l.n === op.shares)?.personOwner
              : undefined,
        })
        if (op.activity) {
          openActivities.push({
            lead: { kind: 'capture', n },
            activity: { kind: 'queued', n },
            made: n,
          })
        }
        break
      }
      case 'update': {
        const lead = target(active)
        const after: LeadEdit = {}
        const before: LeadEdit = {}
        const what = random.int(0, 2)
        if (what !== 1) {
          after.title = `${marker(seed, lead.n)} edited by op${n}`
          before.title = lead.title
          lead.title = after.title
        }
        if (what !== 0) {
          after.value = random.chance(0.15) ? null : valueOf()
          before.value = lead.value
          lead.value = after.value
        }
        ops.push({
          type: 'change',
          n,
          kind: 'update',
          target: lead.n,
          late: false,
          after,
          before,
          leadTitle: `${mark} edit of op${lead.n}`,
          pauseMs: pause(),
        })
        break
      }
      case 'archive':
      case 'unarchive':
      case 'delete':
      case 'convert': {
        const candidates =
          choice === 'unarchive'
            ? archived
            : choice === 'delete'
              ? [...active, ...archived]
              : active
        const lead = target(candidates)
        if (choice === 'delete' || choice === 'convert') removals.push(lead)
        lead.status =
          choice === 'archive'
            ? 'archived'
            : choice === 'unarchive'
              ? 'active'
              : choice === 'delete'
                ? 'deleted'
                : 'converted'
        ops.push({
          type: 'change',
          n,
          kind: choice,
          target: lead.n,
          late: false,
          leadTitle: `${mark} ${choice} of op${lead.n}`,
          pauseMs: pause(),
        })
        break
      }
      case 'late': {
        // Mostly a lead removed a while ago (its removal likely sent: the app takes the
        // change), sometimes one just removed (the removal still on its way: refused).
        const settled = removed.slice(0, -4)
        const lead =
          settled.length > 0 && random.chance(0.7) ? random.pick(settled) : target(removed)
        const kind = random.pick<ChangeKind>(['update', 'archive', 'delete', 'convert'])
        const op: ChangeOp = {
          type: 'change',
          n,
          kind,
          target: lead.n,
          late: true,
          leadTitle: `${mark} late ${kind} of op${lead.n}`,
          pauseMs: pause(),
        }
        if (kind === 'update') {
          op.after = { title: `${marker(seed, lead.n)} late edit by op${n}` }
          op.before = { title: lead.title }
        }
        ops.push(op)
        break
      }
      case 'note':
      case 'activity': {
        // Leads Leadbox made (still waiting or sent), and leads only Pipedrive has.
        const ours = [...active, ...archived]
        const lead: LeadTarget =
          ours.length === 0 || random.chance(0.3)
            ? { kind: 'pipedrive', index: random.int(0, pipedriveLeads.count - 1) }
            : { kind: 'capture', n: target(ours).n }
        const on = lead.kind === 'capture' ? `op${lead.n}` : `pipedrive lead ${lead.index}`
        if (choice === 'note') {
          ops.push({ type: 'note', n, lead, content: `${mark} note on ${on}`, pauseMs: pause() })
        } else {
          ops.push({
            type: 'activity',
            n,
            lead,
            activity: { type: 'call', subject: `${mark} call on ${on}`, dueDate: '2027-02-01' },
            pauseMs: pause(),
          })
          openActivities.push({ lead, activity: { kind: 'queued', n }, made: n })
        }
        break
      }
      case 'discardWaiting': {
        const lead = random.pick(discardable)
        ops.push({
          type: 'discardWaiting',
          n,
          target: lead.n,
          leadTitle: `${mark} delete of op${lead.n}`,
          pauseMs: pause(),
        })
        lead.status = 'discarded'
        break
      }
      case 'waitingEdit': {
        // Mostly a lead whose person another lead waits for too.
        const shared = waitingWithPerson.filter((lead) =>
          leads.some((l) => l !== lead && l.personOwner === lead.personOwner),
        )
        const lead = random.pick(
          shared.length > 0 && random.chance(0.7) ? shared : waitingWithPerson,
        )
        const title = `${marker(seed, lead.n)} edited while waiting by op${n}`
        const personId = random.pick(Object.values(seedIds.persons))
        ops.push({
          type: 'waitingEdit',
          n,
          target: lead.n,
          title,
          personId,
          before: lead.title,
          leadTitle: `${mark} edit of op${lead.n}`,
          pauseMs: pause(),
        })
        lead.title = title
        lead.person = { kind: 'existing', id: personId }
        lead.personOwner = undefined
        break
      }
      case 'done': {
        const chosen = random.pick(doneCandidates)
        openActivities.splice(openActivities.indexOf(chosen), 1)
        ops.push({
          type: 'done',
          n,
          lead: chosen.lead,
          activity: chosen.activity,
          subject: `${mark} done`,
          pauseMs: pause(),
        })
        break
      }
      case 'syncNow':
        ops.push({ type: 'syncNow', n, pauseMs: pause() })
        break
      case 'networkFlap':
        ops.push({ type: 'networkFlap', n, offMs: random.int(100, 700), pauseMs: pause() })
        break
    }
  }
  return { seed, ops }
}

/** How many outbox rows a capture inserts: new person, new organization, lead, note, activity. */
export function rowsOfCapture(op: CaptureOp): number {
  return (
    1 +
    (op.person?.kind === 'new' ? 1 : 0) +
    (op.organization?.kind === 'new' ? 1 : 0) +
    (op.note ? 1 : 0) +
    (op.activity ? 1 : 0)
  )
}
