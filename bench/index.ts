// `npm run bench`: every benchmark of the project, printed as a table and as JSON.
// Figures, not pass/fail: the targets are printed beside them.
import { benchBundleSizes } from './bundle-size.bench'
import { benchDrain } from './drain.bench'
import { benchEnqueue } from './enqueue.bench'
import { benchInbox } from './inbox.bench'
import { benchInboxRender } from './inbox-render.bench'
import { benchQuickAdd } from './quick-add.bench'
import { benchQuickAddOpen } from './quick-add-open.bench'
import { benchQuickAddEnter } from './quick-add-enter.bench'
import { benchSandbox } from './sandbox.bench'
import { benchStartup } from './startup.bench'

type Row = Record<string, unknown> & { name: string }

async function main() {
  const results: Row[] = []
  for (const bench of [
    benchBundleSizes,
    benchQuickAdd,
    () => benchQuickAddOpen(),
    () => benchQuickAddEnter(),
    benchEnqueue,
    () => benchInbox(),
    // A large sales team's inbox, beside the smaller one.
    () => benchInbox(100_000, 100),
    () => benchInboxRender(),
    () => benchInboxRender(100_000, 5),
    () => benchStartup(),
    () => benchSandbox(),
    () => benchDrain(),
  ]) {
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
