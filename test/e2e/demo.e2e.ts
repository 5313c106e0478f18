import { randomUUID } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import keytar from 'keytar'
import { afterEach, describe, expect, it } from 'vitest'
import { startDemo, type Demo } from './harness/demo'
import { collectProblems } from './support/browser'
import { leadOptions } from './support/inbox-rig'
import { useChromium } from './support/use-chromium'

const browser = useChromium()
const keychainService = `Leadbox-e2e-${randomUUID()}`
let demo: Demo | undefined

afterEach(async () => {
  await demo?.close()
  demo = undefined
  for (const { account } of await keytar.findCredentials(keychainService)) {
    await keytar.deletePassword(keychainService, account)
  }
})

describe('npm run demo, in the browser', () => {
  it('serves Leadbox signed in to the demo company, with both windows, until it is closed', async () => {
    const said: string[] = []
    // 'never': on a machine where Electron starts, the test still drives the browser version.
    demo = await startDemo({
      port: 0,
      electron: 'never',
      keychainService,
      say: (line) => said.push(line),
    })
    const { opened, sandbox } = demo
    if (opened.kind !== 'browser')
      throw new Error(`Expected the browser version, got ${opened.kind}`)
    expect(said.join('\n')).toContain('Opening the browser version instead.')
    expect(opened.mainWindowUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/index\.html$/)
    expect(opened.quickAddUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/quick-add\.html$/)

    const context = await browser.browser.newContext({ viewport: { width: 1100, height: 720 } })
    try {
      const page = await context.newPage()
      const problems = collectProblems(page)
      await page.goto(opened.mainWindowUrl)
      await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
      // Every open lead of the demo company is in the inbox, cached before the page opened.
      const open = sandbox.state.leads.filter((lead) => !lead['is_archived'])
      expect(open.length).toBeGreaterThan(200)
      expect(await page.getByTestId('inbox-total').textContent()).toBe(String(open.length))
      const lead = open[open.length - 1]!
      await page.getByRole('searchbox', { name: 'Search' }).fill(String(lead['title']))
      await leadOptions(page)
        .filter({ hasText: String(lead['title']) })
        .first()
        .waitFor()

      const quickAdd = await context.newPage()
      await quickAdd.goto(opened.quickAddUrl)
      await quickAdd.getByRole('textbox', { name: 'Describe the lead' }).waitFor()
      expect(problems).toEqual([])
    } finally {
      await context.close()
    }

    expect(await keytar.findCredentials(keychainService)).toHaveLength(1)
    await demo.close()
    // Signed out on the way out: nothing of the demo stays in the keychain.
    expect(await keytar.findCredentials(keychainService)).toEqual([])
    await expect(fetch(opened.mainWindowUrl)).rejects.toThrow()
  })

  it('says the port is taken, and leaves nothing behind', async () => {
    const taken = createServer()
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done))
    const port = (taken.address() as { port: number }).port
    const demoDirs = () => readdirSync(tmpdir()).filter((name) => name.startsWith('leadbox-demo-'))
    const before = demoDirs()
    try {
      const failure = await startDemo({ port, electron: 'never', keychainService, say: () => {} })
        .then(() => null)
        .catch((error: NodeJS.ErrnoException) => error)
      expect(failure?.code).toBe('EADDRINUSE')
      expect(demoDirs()).toEqual(before)
    } finally {
      taken.close()
    }
  })
})
