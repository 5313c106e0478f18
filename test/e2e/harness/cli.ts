import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startHarness } from './server'

// `npm run harness`: the built app in a browser tab, with the real core behind it, for
// trying things by hand. Build first (npm run build). Data goes to a temporary folder.
async function main() {
  const port = Number(process.env['HARNESS_PORT'] ?? 5199)
  const dataDir = mkdtempSync(join(tmpdir(), 'leadbox-harness-'))
  const harness = await startHarness({ dataDir, port })
  console.log(
    `Leadbox harness: ${harness.url}/index.html (quick add: ${harness.url}/quick-add.html)`,
  )
  console.log(`Data folder: ${dataDir}. Ctrl+C stops.`)
  process.once('SIGINT', () => {
    void harness.close().then(() => process.exit(0))
  })
}

void main()
