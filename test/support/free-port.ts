// A port for a server that must listen on a port chosen before it starts (the OAuth callback
// server listens on the redirect URI's fixed port). Asking the OS for port 0 and closing it
// races: the OS hands the same ephemeral port to the next outgoing connection or port-0 server
// of a parallel test file. Ports below the ephemeral range are never handed out that way, and
// each test worker takes its own slice of them, so parallel files never pick the same one.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'

const SLICE = 400
const FIRST = 20_000

function ephemeralStart(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)
    return Number(low) || 32_768
  } catch {
    // macOS and Windows start theirs at 49152.
    return 49_152
  }
}

let next = 0

function canListen(port: number): Promise<boolean> {
  const server = createServer()
  return new Promise((resolve) => {
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

/** A port nothing listens on now and that no other test worker or outgoing socket will take. */
export async function freePort(): Promise<number> {
  const worker = Number(process.env.VITEST_POOL_ID ?? '1') || 1
  const start = FIRST + (worker - 1) * SLICE
  if (start + SLICE > ephemeralStart())
    throw new Error(`No port slice left for test worker ${worker}`)
  for (let tries = 0; tries < SLICE; tries += 1) {
    const port = start + (next++ % SLICE)
    if (await canListen(port)) return port
  }
  throw new Error(`No free port in ${start}–${start + SLICE - 1}`)
}
