import { tokenCosts } from './generated/token-costs'

/**
 * What a request to an endpoint the specs do not list is counted as: a list's price, the
 * most common one, so the ledger errs towards spending rather than saving.
 */
export const unknownEndpointCost = 20

interface Template {
  method: string
  segments: string[]
  literals: number
  cost: number
}

const templates: Template[] = Object.entries(tokenCosts).map(([key, cost]) => {
  const [method = '', path = ''] = key.split(' ')
  const segments = path.split('/')
  return {
    method,
    segments,
    literals: segments.filter((segment) => !segment.startsWith('{')).length,
    cost,
  }
})

function matches(template: Template, method: string, segments: string[]): boolean {
  if (template.method !== method || template.segments.length !== segments.length) return false
  return template.segments.every((part, index) =>
    part.startsWith('{') ? segments[index] !== '' : part === segments[index],
  )
}

/**
 * The `x-token-cost` of a request by its method and path (`/api/v1/leads/abc`), or null for
 * an endpoint the specs do not list. `/leads/search` is search, not a lead called "search":
 * the template with the most fixed segments wins.
 */
export function endpointCost(method: string, path: string): number | null {
  const segments = (path.split('?')[0] ?? '').split('/')
  let best: Template | null = null
  for (const template of templates) {
    if (!matches(template, method, segments)) continue
    if (!best || template.literals > best.literals) best = template
  }
  return best?.cost ?? null
}
