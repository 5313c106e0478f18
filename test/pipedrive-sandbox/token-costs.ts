// x-token-cost and OAuth scopes per operation, extracted from the official specs by
// scripts/extract-spec.mjs so the sandbox never reads the specs at runtime.
import costs from './spec/token-costs.json'

export interface OperationCost {
  cost: number
  scopes: string[]
}

const table = costs as Record<string, { cost: number | null; scopes: string[] }>

/** Looks up an operation by method and spec path, e.g. `GET /api/v1/leads/{id}`. */
export function operationCost(key: string): OperationCost {
  const entry = table[key]
  return { cost: entry?.cost ?? 0, scopes: entry?.scopes ?? [] }
}
