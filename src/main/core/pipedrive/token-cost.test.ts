import { describe, expect, it } from 'vitest'
import { operationCost } from '../../../../test/pipedrive-sandbox/token-costs'
import { tokenCosts } from './generated/token-costs'
import { endpointCost } from './token-cost'

describe('endpointCost', () => {
  it("reads each request's x-token-cost by its method and path", () => {
    expect(endpointCost('POST', '/api/v1/leads')).toBe(10)
    expect(endpointCost('GET', '/api/v1/leads')).toBe(20)
    expect(endpointCost('GET', '/api/v1/users/me')).toBe(2)
    expect(endpointCost('GET', '/api/v2/persons')).toBe(10)
    expect(endpointCost('GET', '/api/v2/leads/9f3c/convert/status/ab12')).toBe(1)
  })

  it('prefers fixed words over a parameter: /leads/search is search, not a lead', () => {
    expect(endpointCost('GET', '/api/v1/leads/search')).toBe(40)
    expect(endpointCost('GET', '/api/v1/leads/0f8e2b0c-1111-4222-8333-944445555666')).toBe(2)
    expect(endpointCost('GET', '/api/v1/leads/archived')).toBe(40)
  })

  it('knows nothing of endpoints the specs do not list, or of a missing id', () => {
    expect(endpointCost('GET', '/api/v1/nothing-here')).toBeNull()
    expect(endpointCost('PUT', '/api/v1/leads')).toBeNull()
    expect(endpointCost('GET', '/api/v1/leads/')).toBeNull()
  })

  it('charges what the sandbox charges for every operation the specs list', () => {
    for (const [key, cost] of Object.entries(tokenCosts)) {
      expect(operationCost(key).cost, key).toBe(cost)
    }
  })
})
