// A large sales team's app starting: 100,000 persons, 20,000 organizations and 100,000
// cached leads on disk. A fresh process times the core's start (database opened and
// migrated, services built) to the first inbox page answered through the IPC router, then
// reports its resident memory. The fresh process is what a user's app is at launch.
import { spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import keytar from 'keytar'
import { createKeychainSecretStore } from '../src/main/core/auth/secret-store'
import { createCore, type CoreOptions } from '../src/main/core'
import type { CachedLead } from '../src/main/core/leads/pipedrive-lead'
import { createHandlers } from '../src/main/ipc/handlers'
import { createRouter } from '../src/main/ipc/router'
import { senderPage } from '../src/main/security/trusted-sender'
import { desktopStandIn } from '../test/support/desktop-stand-in'
import { networkSwitch } from '../test/support/network-switch'
import { round } from './percentiles'

const origin = 'app://leadbox'

function coreOptions(dataDir: string): CoreOptions {
  return {
    dataDir,
    version: '0.0.0-bench',
    platform: process.platform,
    fetch,
    secrets: createKeychainSecretStore(keytar, 'Leadbox-bench'),
    network: networkSwitch(true),
    openExternal: async () => {},
    openPath: async () => '',
    backgroundRefresh: false,
  }
}

async function fill(dataDir: string, persons: number, organizations: number, leads: number) {
  const core = await createCore(coreOptions(dataDir))
  try {
    core.catalog.upsertPersons(
      Array.from({ length: persons }, (_, i) => ({
        id: i + 1,
        name: `Person ${i + 1}`,
        email: `person${i + 1}@x.test`,
        organizationId: 1 + (i % organizations),
        updateTime: null,
      })),
    )
    core.catalog.upsertOrganizations(
      Array.from({ length: organizations }, (_, i) => ({
        id: i + 1,
        name: `Organization ${i + 1}`,
        updateTime: null,
      })),
    )
    const base = Date.UTC(2026, 0, 1)
    core.inbox.upsert(
      Array.from({ length: leads }, (_, i): CachedLead => ({
        id: randomUUID(),
        title: `Bench lead ${i + 1}`,
        ownerId: null,
        personId: 1 + (i % persons),
        organizationId: 1 + (i % organizations),
        value: { amount: i * 10, currency: 'EUR' },
        expectedCloseDate: null,
        visibleTo: null,
        wasSeen: true,
        isArchived: i % 10 === 0,
        addTime: new Date(base).toISOString(),
        updateTime: new Date(base - i * 1000).toISOString(),
        labelIds: [],
        customFields: {},
        nextActivityId: null,
      })),
      Date.now(),
    )
  } finally {
    await core.close()
  }
}

/** In the fresh process: start, answer the first inbox page, print figures as JSON. */
export async function startAndAnswer(dataDir: string) {
  const started = performance.now()
  const core = await createCore(coreOptions(dataDir))
  const route = createRouter({
    handlers: createHandlers(core, desktopStandIn().desktop),
    senderPage: (frameUrl) => senderPage(frameUrl, [origin]),
    log: core.log,
  })
  const answer = (await route('leads:list', { limit: 50, offset: 0 }, `${origin}/index.html`)) as {
    ok: boolean
  }
  const firstAnswerMs = performance.now() - started
  if (!answer.ok) throw new Error('the first inbox page was refused')
  const rssMb = process.memoryUsage().rss / 1024 / 1024
  await core.close()
  return { firstAnswerMs, rssMb }
}

export async function benchStartup(persons = 100_000, organizations = 20_000, leads = 100_000) {
  const dataDir = mkdtempSync(join(tmpdir(), 'leadbox-bench-'))
  try {
    await fill(dataDir, persons, organizations, leads)
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', join('bench', 'startup-process.ts'), dataDir],
      { encoding: 'utf8' },
    )
    if (child.status !== 0) throw new Error(`the started process failed: ${child.stderr}`)
    const { firstAnswerMs, rssMb } = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {
      firstAnswerMs: number
      rssMb: number
    }
    const size = `${persons.toLocaleString('en')} persons, ${leads.toLocaleString('en')} leads`
    return [
      {
        name: `start: core start to first answer on IPC (${size})`,
        ms: round(firstAnswerMs, 1),
        target: 'at most 300 ms',
        passed: firstAnswerMs <= 300,
      },
      {
        name: `start: main process resident memory after the first inbox page (${size})`,
        megabytes: round(rssMb, 1),
        target: 'at most 200 MB',
        passed: rssMb <= 200,
      },
    ]
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}
