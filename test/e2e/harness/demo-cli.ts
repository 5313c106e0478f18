// npm run demo [-- --port 5199 --browser]: Leadbox against a local Pipedrive with a realistic
// company, signed in. The Electron app where Electron starts; the browser version elsewhere.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { startDemo } from './demo'

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    browser: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
})

if (values.help) {
  console.log(`Usage: npm run demo -- [options]
  --port <n>   the browser version's port on 127.0.0.1 (default: $DEMO_PORT or 5199)
  --browser    open the browser version even where Electron starts`)
  process.exit(0)
}

const port = Number(values.port ?? process.env['DEMO_PORT'] ?? 5199)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Not a port: ${values.port ?? process.env['DEMO_PORT']}`)
  process.exit(2)
}

/** electron-vite build: the browser version serves out/renderer. */
function buildRenderer(): Promise<void> {
  console.log('Building Leadbox…')
  // The package exports no bin path; its package.json names it.
  const manifest = createRequire(__filename).resolve('electron-vite/package.json')
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> }
  const cli = join(dirname(manifest), bin['electron-vite']!)
  const build = spawn(process.execPath, [cli, 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  })
  return new Promise((done, fail) =>
    build.once('exit', (code) =>
      code === 0 ? done() : fail(new Error(`The build failed (exit ${code}).`)),
    ),
  )
}

// tsx runs this file as CommonJS (the package has no "type": "module"): no top-level await.
async function main(): Promise<void> {
  const demo = await startDemo({
    port,
    electron: values.browser ? 'never' : 'auto',
    buildRenderer,
  })
  if (demo.opened.kind === 'browser') {
    console.log(
      [
        '',
        'Leadbox is signed in to the demo company. Open in a browser:',
        `  Main window:      ${demo.opened.mainWindowUrl}`,
        `  Quick-add window: ${demo.opened.quickAddUrl}`,
        '',
        'Press Ctrl+C to stop.',
      ].join('\n'),
    )
  } else {
    console.log('Leadbox is open and signed in to the demo company. Quit it to end the demo.')
  }

  let stopping = false
  const stop = async (why: string) => {
    if (stopping) return
    stopping = true
    console.log(`\n${why}: stopping the demo`)
    await demo.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('Ctrl+C'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
  void demo.ended.then(() => process.exit(0))
}

main().catch((error: unknown) => {
  const taken = (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE'
  console.error(
    taken
      ? `Port ${port} is already in use. Try another: npm run demo -- --port ${port + 1}`
      : error instanceof Error
        ? error.message
        : error,
  )
  process.exit(1)
})
