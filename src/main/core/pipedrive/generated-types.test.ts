import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

describe('the generated Pipedrive types', () => {
  it('match the committed spec extract (npm run pipedrive:types)', () => {
    const run = () =>
      execFileSync(process.execPath, ['scripts/generate-pipedrive-types.mjs', '--check'], {
        encoding: 'utf8',
        stdio: 'pipe',
      })
    expect(run).not.toThrow()
  })
})
