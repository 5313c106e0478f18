// `npm run bench`: every benchmark of the project, printed as a table and as JSON.
// Figures, not pass/fail: the targets are printed beside them.
import { benchApiBudget } from './api-budget.bench'
import { benchBundleSizes } from './bundle-size.bench'
import { benchDrain } from './drain.bench'
import { benchDuplicates } from './duplicates.bench'
import { benchEnqueue } from './enqueue.bench'
import { benchInbox } from './inbox.bench'
import { benchInboxRender } from './inbox-render.bench'
import { benchQuickAdd } from './quick-add.bench'
import { benchQuickAddOpen } from './quick-add-open.bench'
import { benchQuickAddEnter } from './quick-add-enter.bench'
import { benchSandbox } from './sandbox.bench'
import { benchSignature } from './signature.bench'
import { benchStartup } from './startup.bench'

type Row = Record<string, unknown> & { name: string }

async function main() {
  const results: Row[] = []
  const benches: Record<string, () => unknown> = {
    'bundle-size': benchBundleSizes,
    'quick-add': benchQuickAdd,
    duplicates: benchDuplicates,
    signature: benchSignature,
    'quick-add-open': () => benchQuickAddOpen(),
    'quick-add-enter': () => benchQuickAddEnter(),
    enqueue: benchEnqueue,
    inbox: () => benchInbox(),
    // A large sales team's inbox, beside the smaller one; 300 rounds, so each query's p99 is
    // not just its slowest sample.
    'inbox-100k': () => benchInbox(100_000, 300),
    'inbox-render': () => benchInboxRender(),
    'inbox-render-100k': () => benchInboxRender(100_000, 5),
    startup: () => benchStartup(),
    sandbox: () => benchSandbox(),
    drain: () => benchDrain(),
    'api-budget': () => benchApiBudget(),
  }
  // `tsx bench/index.ts api-budget drain` runs only those; no names, all of them.
  const chosen = process.argv.slice(2)
  for (const name of chosen) if (!(name in benches)) throw new Error(`No benchmark "${name}"`)
  for (const [name, bench] of Object.entries(benches)) {
    if (chosen.length > 0 && !chosen.includes(name)) continue
    const result = (await bench()) as Row | Row[]
    for (const row of [result].flat()) {
      results.push(row)
      console.log(`${row.name}: done`)
    }
  }
  console.log()
  console.table(results.map(({ name, ...figures }) => ({ name, ...figures })))
  console.log(JSON.stringify({ benchmarks: results }, null, 2))
}

void main()
