// npm run sandbox [-- --port 8787 --redirect-uri http://localhost:53682/oauth/callback --plan advanced]
// [--search-index-lag 1000]
import { parseArgs } from 'node:util'
import type { Plan } from './app'
import { planMultiplier } from './app'
import { startSandbox } from './sandbox'

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'redirect-uri': { type: 'string', multiple: true },
    plan: { type: 'string' },
    'no-limits': { type: 'boolean' },
    'search-index-lag': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
})

if (values.help) {
  console.log(`Usage: npm run sandbox -- [options]
  --port <n>              port on 127.0.0.1 (default: $SANDBOX_PORT or 8787; 0 picks a free one)
  --redirect-uri <url>    registered OAuth callback (repeatable)
  --plan <name>           essential | advanced | professional | power | enterprise
  --no-limits             turn rate limits off
  --search-index-lag <ms> how long writes take to become searchable (default 1000; 0 = at once)`)
  process.exit(0)
}

const port = Number(values.port ?? process.env.SANDBOX_PORT ?? 8787)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Not a port: ${values.port ?? process.env.SANDBOX_PORT}`)
  process.exit(2)
}
const plan = values.plan as Plan | undefined
if (plan !== undefined && !(plan in planMultiplier)) {
  console.error(`Unknown plan ${plan}; use one of ${Object.keys(planMultiplier).join(', ')}`)
  process.exit(2)
}
const lagRaw = values['search-index-lag']
const searchIndexLagMs = lagRaw === undefined ? undefined : Number(lagRaw)
if (
  searchIndexLagMs !== undefined &&
  !(Number.isInteger(searchIndexLagMs) && searchIndexLagMs >= 0)
) {
  console.error(`Not a number of milliseconds: ${lagRaw}`)
  process.exit(2)
}
const [redirectUri, ...redirectUris] = values['redirect-uri'] ?? []

// tsx runs this file as CommonJS (the package has no "type": "module"): no top-level await.
async function main(): Promise<void> {
  const sandbox = await startSandbox({
    port,
    oauth: { redirectUri, redirectUris },
    limits: { plan, enabled: values['no-limits'] ? false : undefined },
    searchIndexLagMs,
  })

  const lines = [
    `Pipedrive sandbox listening on ${sandbox.url}`,
    `  API v1:          ${sandbox.url}/api/v1   (also ${sandbox.url}/v1)`,
    `  API v2:          ${sandbox.url}/api/v2`,
    `  API token:       ${sandbox.apiToken}   (x-api-token header)`,
    `  OAuth authorize: ${sandbox.oauth.authorizeUrl('example-state')}`,
    `  OAuth token:     ${sandbox.url}/oauth/token`,
    `  Client id:       ${sandbox.oauth.clientId}`,
    `  Client secret:   ${sandbox.oauth.clientSecret}`,
    `  Redirect URIs:   ${sandbox.oauth.redirectUris.join(', ')}`,
    `  Control:         ${sandbox.url}/__sandbox  (state, reset, faults, time)`,
    'Press Ctrl+C to stop.',
  ]
  console.log(lines.join('\n'))

  let stopping = false
  async function stop(signal: string): Promise<void> {
    if (stopping) return
    stopping = true
    console.log(`\n${signal}: stopping the sandbox`)
    await sandbox.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
