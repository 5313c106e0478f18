import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'

// SchemaStore's schema for GitHub workflow files (Apache-2.0), kept in the repository because
// the tests run without a network. It came from the @action-validator/core 0.6.0 package.
const here = import.meta.dirname
const schema = JSON.parse(await readFile(join(here, 'github-workflow.schema.json'), 'utf8')) as {
  $id: string
}
const source = await readFile(join(here, '../../.github/workflows/release.yml'), 'utf8')

interface Step {
  uses?: string
  run?: string
  if?: string
  env?: Record<string, string>
}
interface Job {
  needs?: string | string[]
  'runs-on': string
  strategy?: { matrix: { include: Array<Record<string, string>> } }
  permissions?: Record<string, string>
  steps: Step[]
}
const workflow = parse(source) as {
  on: { push: { tags: string[] } }
  permissions: Record<string, string>
  jobs: Record<string, Job>
}

describe('the release workflow', () => {
  it("is a valid GitHub Actions workflow by SchemaStore's schema", () => {
    expect(schema.$id).toBe('https://json.schemastore.org/github-workflow.json')
    const ajv = new Ajv({ strict: false, allErrors: true })
    const validate = ajv.compile(schema)
    expect(validate(workflow) ? [] : validate.errors).toEqual([])
  })

  it('catches a workflow the schema forbids', () => {
    const validate = new Ajv({ strict: false }).compile(schema)
    expect(validate({ ...workflow, jobs: { test: { steps: [] } } })).toBe(false)
    expect(validate({ ...workflow, on: { push: { tag: ['v*'] } } })).toBe(false)
  })

  it('runs on version tags only, tests first, then builds each platform on its own runner', () => {
    expect(workflow.on).toEqual({ push: { tags: ['v*.*.*'] } })
    expect(workflow.permissions).toEqual({ contents: 'read' })
    const test = workflow.jobs['test']!
    expect(test.steps.map((step) => step.run)).toContain('bash .ci/run')

    const installers = workflow.jobs['installers']!
    expect(installers.needs).toBe('test')
    expect(installers.permissions).toEqual({ contents: 'write' })
    const platforms = installers.strategy!.matrix.include.map((entry) => [
      entry['os']!.split('-')[0],
      entry['platform'],
    ])
    expect(platforms).toEqual([
      ['macos', '--mac'],
      ['windows', '--win'],
      ['ubuntu', '--linux'],
    ])
    const build = publish(installers)!
    expect(build.run).toBe('npx electron-builder ${{ matrix.platform }} --publish always')
    expect(build.env).toEqual({ GH_TOKEN: '${{ secrets.GITHUB_TOKEN }}' })
  })

  it('signs only with credentials that are there, and pins every action to a release', () => {
    const installers = workflow.jobs['installers']!
    const signing = installers.steps.find((step) => step.run?.includes('GITHUB_ENV'))!
    for (const name of ['CSC_LINK', 'APPLE_API_KEY', 'APPLE_API_ISSUER', 'WIN_CSC_LINK']) {
      expect(signing.run).toContain(`pass ${name} `)
    }
    expect(signing.run).toContain('CSC_IDENTITY_AUTO_DISCOVERY false')
    // Secrets reach the build only through that step, never as empty variables on it.
    expect(JSON.stringify(publish(installers))).not.toMatch(/CSC|APPLE/)
    const actions = Object.values(workflow.jobs).flatMap((job) =>
      job.steps.flatMap((step) => (step.uses ? [step.uses] : [])),
    )
    expect(actions.length).toBeGreaterThan(0)
    for (const action of actions) expect(action).toMatch(/^[\w-]+\/[\w-]+@(v\d+|[0-9a-f]{40})$/)
  })
})

const publish = (job: Job) => job.steps.find((step) => step.run?.includes('--publish'))
