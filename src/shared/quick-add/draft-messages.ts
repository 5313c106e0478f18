import type { z } from 'zod'

/**
 * Plain words for what a lead's schema refuses, where the schema names no message of its
 * own: zod's defaults ("Too big: expected string to have <=255 characters") are not for
 * salespeople. A zod error map: give it to `safeParse(…, { error })` or `z.config`. A
 * schema's own message still wins, so "Give the lead a title" stays as written.
 */

type Issue = z.core.$ZodRawIssue

/** The parts of a lead, by the end of their path (indices left out), as a sentence begins. */
const partNames: Record<string, string> = {
  title: 'A lead title',
  'person.name': 'A person’s name',
  'organization.name': 'An organization’s name',
  'person.phone': 'A phone number',
  'person.email': 'An email address',
  labelIds: 'The list of labels',
  note: 'A note',
  customFields: 'A custom field',
  'value.amount': 'An amount',
  'value.currency': 'A currency',
  expectedCloseDate: 'A close date',
}

const counted = new Intl.NumberFormat('en-US')

/** The part an issue is about, or null for one that is not a lead's. */
function partName(path: readonly PropertyKey[] | undefined): string | null {
  const names = (path ?? []).filter((key): key is string => typeof key === 'string')
  return partNames[names.slice(-2).join('.')] ?? partNames[names.at(-1) ?? ''] ?? null
}

const characters = (count: number) =>
  count === 1 ? '1 character' : `${counted.format(count)} characters`

export function draftIssueMessage(issue: Issue): string | undefined {
  const part = partName(issue.path)
  if (issue.code === 'unrecognized_keys') {
    return `Leadbox does not know ${issue.keys.length === 1 ? 'this part' : 'these parts'}: ${issue.keys.join(', ')}.`
  }
  if (part === null) return undefined
  if (issue.code === 'too_big') {
    const max = Number(issue.maximum)
    if (issue.origin === 'string' && typeof issue.input === 'string') {
      return `${part} can be at most ${characters(max)}; this one has ${counted.format(issue.input.length)}.`
    }
    if (issue.origin === 'array') return `${part} can hold at most ${counted.format(max)}.`
    return `${part} is too large.`
  }
  if (issue.code === 'too_small') {
    const min = Number(issue.minimum)
    if (issue.origin === 'string') {
      return min <= 1 ? `${part} cannot be empty.` : `${part} needs at least ${characters(min)}.`
    }
    if (issue.origin === 'number') return `${part} cannot be below ${counted.format(min)}.`
    return `${part} is too small.`
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${part} is missing.`
  return `${part} is not valid.`
}
