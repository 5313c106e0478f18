import type { Visibility } from './lead-form-state'

export interface VisibilityChoice {
  value: Visibility
  label: string
}

// What each of Pipedrive's values means depends on the company's plan: with visibility
// groups (Premium, Ultimate) there are four, without them two (see `visible_to` on
// POST /v1/leads).
const withoutGroups: VisibilityChoice[] = [
  { value: '1', label: 'Only the owner and followers' },
  { value: '3', label: 'Everyone in the company' },
]
const withGroups: VisibilityChoice[] = [
  { value: '1', label: 'Only the owner' },
  { value: '3', label: "The owner's visibility group" },
  { value: '5', label: "The owner's group and its sub-groups" },
  { value: '7', label: 'Everyone in the company' },
]

/** Pipedrive's default: the visibility the user set for new leads in Pipedrive. */
export const pipedriveDefaultWords = 'As usual in Pipedrive (your default)'

/** Who may see a lead, in plain words, for this company's plan; the usual choice first. */
export function visibilityChoices(groups: boolean): VisibilityChoice[] {
  return [{ value: '', label: pipedriveDefaultWords }, ...(groups ? withGroups : withoutGroups)]
}

/** Who sees a lead with this value; a value the plan does not name is said as it is. */
export function visibilityWords(value: string | null, groups: boolean): string {
  if (value === null || value === '') return '—'
  const choice = (groups ? withGroups : withoutGroups).find((c) => c.value === value)
  // A 5 or 7 on a company thought to have no groups: it has them.
  return choice?.label ?? withGroups.find((c) => c.value === value)?.label ?? value
}
