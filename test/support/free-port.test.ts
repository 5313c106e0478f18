import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { afterEach, expect, it } from 'vitest'
import { freePort } from './free-port'

const servers: Server[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve))
})

function listen(port: number): Promise<number> {
  const server = createServer()
  servers.push(server)
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port))
  })
}

it('never gives a port the OS may hand to a port-0 server or an outgoing socket', async () => {
  const low =
    process.platform === 'linux'
      ? Number(
          readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0],
        )
      : 49_152
  // What the OS hands out meanwhile, as a parallel test file would take it.
  const taken = new Set<number>()
  for (let i = 0; i < 20; i += 1) taken.add(await listen(0))
  for (let i = 0; i < 20; i += 1) {
    const port = await freePort()
    expect(port).toBeLessThan(low)
    expect(taken.has(port)).toBe(false)
    await listen(port)
  }
})

it('skips a port something already listens on', async () => {
  const first = await freePort()
  await listen(first + 1)
  const second = await freePort()
  expect(second).not.toBe(first + 1)
  expect(second).not.toBe(first)
})
