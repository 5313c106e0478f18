import { performance } from 'node:perf_hooks'
import { readSignature } from '../src/shared/capture'
import { loadSignatureCorpus, readCorrectly } from '../test/fixtures/signatures/corpus'
import { percentile, round } from './percentiles'

export type SignatureBenchResult = {
  name: string
  p50Ms: number
  p99Ms: number
  maxMs: number
  samples: number
  /** Processor time per signature, which a busy machine does not inflate as it does p99. */
  cpuMsPerParse: number
  signatures: number
  readCorrectly: string
  target: string
  passed: boolean
}

const targetP99Ms = 5
const rounds = 20

/**
 * Reading a pasted signature, as the quick-add window does on paste: every signature of the
 * test corpus read `rounds` times, each timed alone. Also the share of the corpus read
 * exactly as its fixture expects.
 */
export function benchSignature(): SignatureBenchResult {
  const corpus = loadSignatureCorpus()
  // Also the untimed pass that lets the JIT settle.
  const correct = corpus.filter((entry) =>
    readCorrectly(readSignature(entry.text, entry.region), entry.expected),
  ).length

  const timings: number[] = []
  const cpuStart = process.cpuUsage()
  for (let round = 0; round < rounds; round += 1) {
    for (const entry of corpus) {
      const start = performance.now()
      readSignature(entry.text, entry.region)
      timings.push(performance.now() - start)
    }
  }
  const cpu = process.cpuUsage(cpuStart)
  const p99Ms = percentile(timings, 99)
  return {
    name: 'signature parse',
    p50Ms: round(percentile(timings, 50)),
    p99Ms: round(p99Ms),
    maxMs: round(Math.max(...timings)),
    samples: timings.length,
    cpuMsPerParse: round((cpu.user + cpu.system) / 1000 / timings.length),
    signatures: corpus.length,
    readCorrectly: `${correct}/${corpus.length} (${Math.round((correct / corpus.length) * 100)}%)`,
    target: `p99 <= ${targetP99Ms} ms`,
    passed: p99Ms <= targetP99Ms,
  }
}
