import { PipedriveFailure } from './failure'

/**
 * The offset to ask for next, or null at the end. v1 lists come in two shapes: the lead
 * lists put `start, limit, more_items_in_collection` straight in additional_data (as their
 * schema says), most others nest them under additional_data.pagination (as the examples
 * show), sometimes with `next_start`. When next_start is absent it is start + items seen.
 */
export function nextStart(additionalData: unknown, start: number, received: number): number | null {
  if (!additionalData || typeof additionalData !== 'object') return null
  const outer = additionalData as Record<string, unknown>
  const nested = outer['pagination']
  const page = (nested && typeof nested === 'object' ? nested : outer) as Record<string, unknown>
  if (page['more_items_in_collection'] !== true) return null
  const given = page['next_start']
  const next = typeof given === 'number' && Number.isInteger(given) ? given : start + received
  // A page that moves nothing forward would loop for ever.
  return next > start ? next : null
}

/** v2 cursor lists: additional_data.next_cursor, null on the last page. */
export function nextCursor(additionalData: unknown): string | null {
  if (!additionalData || typeof additionalData !== 'object') return null
  const cursor = (additionalData as Record<string, unknown>)['next_cursor']
  return typeof cursor === 'string' && cursor !== '' ? cursor : null
}

export interface Page<T> {
  items: T[]
  /** The offset of the next page, null at the end. */
  nextStart: number | null
}

export interface CursorPage<T> {
  items: T[]
  nextCursor: string | null
}

/**
 * A list that has not ended after `maxPages` fails rather than coming back cut short: a
 * caller that looks for its own record in it (a lost create) must not read "not there".
 */
function endless(maxPages: number): PipedriveFailure {
  return new PipedriveFailure(
    'server_error',
    `Pipedrive's list had not ended after ${maxPages.toLocaleString('en')} pages; Leadbox stopped reading it.`,
  )
}

/** Pages through an offset list, all of it, or fails (see `endless`). */
export async function allPages<T>(
  fetchPage: (start: number) => Promise<Page<T>>,
  maxPages = 1_000,
): Promise<T[]> {
  const items: T[] = []
  let start: number | null = 0
  for (let page = 0; start !== null; page++) {
    if (page === maxPages) throw endless(maxPages)
    const result: Page<T> = await fetchPage(start)
    items.push(...result.items)
    start = result.nextStart
  }
  return items
}

/** Pages through a cursor list, all of it, or fails (see `endless`). */
export async function allCursorPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>,
  maxPages = 1_000,
): Promise<T[]> {
  const items: T[] = []
  let cursor: string | null | undefined
  for (let page = 0; cursor !== null; page++) {
    if (page === maxPages) throw endless(maxPages)
    const result: CursorPage<T> = await fetchPage(cursor ?? undefined)
    items.push(...result.items)
    cursor = result.nextCursor
  }
  return items
}
