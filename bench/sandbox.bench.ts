// Throughput of the Pipedrive sandbox for GET /api/v1/leads/{id}, the cheapest call the app makes.
// Limits are off so the number measures the server, not the limiter. Traffic stays on 127.0.0.1
// and the run is bounded by a request count, so it always stops by itself.
import { Agent, request } from 'node:http'
import { seedIds, startSandbox } from '../test/pipedrive-sandbox/index'

export interface SandboxBenchResult {
  name: string
  requestsPerSecond: number
  requests: number
  concurrency: number
  durationMs: number
  p50Ms: number
  p99Ms: number
  errors: number
}

export async function benchSandbox(
  options: { requests?: number; concurrency?: number; warmup?: number } = {},
): Promise<SandboxBenchResult> {
  const total = options.requests ?? 10_000
  const concurrency = options.concurrency ?? 16
  const warmup = options.warmup ?? 500
  const sandbox = await startSandbox({ limits: { enabled: false }, logLimit: 100 })
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency })
  const { port } = sandbox
  const path = `/api/v1/leads/${seedIds.leads.acmeFleet}`
  const headers = { 'x-api-token': sandbox.apiToken }

  const once = () =>
    new Promise<boolean>((resolve) => {
      const req = request({ host: '127.0.0.1', port, path, headers, agent }, (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode === 200))
      })
      req.on('error', () => resolve(false))
      req.end()
    })

  async function run(count: number, latencies: number[] | null): Promise<number> {
    let next = 0
    let errors = 0
    const worker = async () => {
      while (next < count) {
        next++
        const started = performance.now()
        if (!(await once())) errors++
        latencies?.push(performance.now() - started)
      }
    }
    await Promise.all(Array.from({ length: concurrency }, worker))
    return errors
  }

  try {
    await run(warmup, null)
    const latencies: number[] = []
    const started = performance.now()
    const errors = await run(total, latencies)
    const durationMs = performance.now() - started
    latencies.sort((a, b) => a - b)
    const at = (q: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0
    return {
      name: 'sandbox GET /api/v1/leads/{id}',
      requestsPerSecond: Math.round((total / durationMs) * 1000),
      requests: total,
      concurrency,
      durationMs: Math.round(durationMs),
      p50Ms: Number(at(0.5).toFixed(2)),
      p99Ms: Number(at(0.99).toFixed(2)),
      errors,
    }
  } finally {
    agent.destroy()
    await sandbox.close()
  }
}
