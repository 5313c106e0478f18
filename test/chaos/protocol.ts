// What the chaos controller and its worker process tell each other: the worker's settings
// (one JSON argument) and its reports (one `@chaos {json}` line each on stdout).

/** The core's clock for unanswered requests, short so a run takes seconds. */
export const timing = {
  requestTimeoutMs: 800,
  attemptTimeoutMs: 1_500,
  landingWindowMs: 3_000,
}

/**
 * The longest the sandbox may hold a request before applying it (delays, late completions).
 * Longer than the landing window minus the attempt timeout, and a request could land after
 * the engine looked for it: a duplicate no client could prevent, so not a finding.
 */
export const maxLateMs = 1_000
if (maxLateMs >= timing.landingWindowMs - timing.attemptTimeoutMs) {
  throw new Error('Sandbox delays must end before the landing window does.')
}

export const keychainService = 'Leadbox-chaos'

/**
 * Where the worker stops dead (and says so) for the controller to kill it:
 * - capture: inside the transaction of a capture, after some of its rows are inserted;
 * - change: inside the transaction of a change (edit, archive, delete, conversion…);
 * - settle: inside the transaction that records a row as sent: Pipedrive has it, the
 *   outbox does not know;
 * - convert-start / convert-poll: a conversion's start (or status poll) was answered, and
 *   the answer is never recorded; convert: either, whichever comes first.
 */
export type Arm =
  | 'none'
  | 'capture'
  | 'change'
  | 'settle'
  | 'convert-start'
  | 'convert-poll'
  /** Whichever of convert-start and convert-poll comes first. */
  | 'convert'

export interface WorkerConfig {
  dataDir: string
  url: string
  token: string
  seed: number
  ops: number
  /** The last run: no kill comes; drain, close the core, exit 0. */
  final: boolean
  arm: Arm
  /** Which insert of the capture to stop at (modulo its row count). */
  armIndex: number
  /** Final run: give up draining after this long (ms). */
  drainDeadlineMs: number
  keychainService: string
  /** Leads only Pipedrive has, made before the run, with their activities' ids. */
  pipedriveLeads: PipedriveLead[]
}

export interface PipedriveLead {
  id: string
  activityIds: number[]
}

/** What the worker's fetch saw, counted per run of the worker. */
export interface FetchStats {
  requests: number
  ok: number
  status4xx: number
  status5xx: number
  status429: number
  status429RetryAfter: number
  /** 429 with x-daily-ratelimit-token-remaining: 0, the daily budget. */
  status429Daily: number
  refused: number
  reset: number
  timeout: number
  otherError: number
}

export const emptyStats = (): FetchStats => ({
  requests: 0,
  ok: 0,
  status4xx: 0,
  status5xx: 0,
  status429: 0,
  status429RetryAfter: 0,
  status429Daily: 0,
  refused: 0,
  reset: 0,
  timeout: 0,
  otherError: 0,
})

export interface OpenRow {
  id: number
  kind: string
  state: string
  attempts: number
  lastError: string | null
}

export type WorkerMessage =
  | { type: 'health'; status: string; detail?: string }
  | { type: 'ready'; nextOp: number; openConverts: number; counts: Record<string, number> }
  | { type: 'signin-retry'; message: string }
  | { type: 'refused'; n: number; message: string }
  /** A done mark the user could not make yet: the activity was still on its way. */
  | { type: 'skipped'; n: number; message: string }
  /** A person row on the wire when an edit of its waiting lead let it go. */
  | { type: 'on-its-way'; rowId: number }
  | { type: 'op-error'; n: number; message: string }
  | { type: 'plan-done' }
  | { type: 'progress'; nextOp: number; openConverts: number; counts: Record<string, number> }
  | { type: 'stats'; stats: FetchStats }
  | { type: 'hit'; arm: Arm; detail: string }
  | { type: 'drained'; counts: Record<string, number> }
  | { type: 'drain-timeout'; counts: Record<string, number>; open: OpenRow[] }
  | { type: 'done' }
  | { type: 'fatal'; message: string }

export const linePrefix = '@chaos '
