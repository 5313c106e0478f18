// The chaos test, longer and with fresh seeds: npm run soak -- [options]
//
//   --seeds N    run N random seeds (default 1); each is printed before it runs
//   --seed S     replay seed S (may be given more than once)
//   --ops N      operations per seed (default 400; npm test's seeds use 150)
//   --kills N    SIGKILLs per seed at least (default 30; npm test's seeds use 25)
//
// It exits non-zero when a seed fails, with the seed and the command that replays it. Run
// through `npm run soak`, which gives it a throwaway keychain (scripts/with-keyring.sh) and
// tsx's loader for the TypeScript it imports.
import { randomInt } from 'node:crypto'

function usage(message) {
  console.error(`soak: ${message}`)
  console.error('usage: npm run soak -- [--seeds N] [--seed S]... [--ops N] [--kills N]')
  process.exit(2)
}

function parse(argv) {
  const options = { seeds: [], count: null, ops: null, kills: null }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    const value = argv[i + 1]
    const number = () => {
      if (value === undefined || !/^\d+$/.test(value)) usage(`${flag} needs a whole number`)
      i += 1
      return Number(value)
    }
    if (flag === '--seed') options.seeds.push(number())
    else if (flag === '--seeds') options.count = number()
    else if (flag === '--ops') options.ops = number()
    else if (flag === '--kills') options.kills = number()
    else usage(`unknown option ${flag}`)
  }
  return options
}

const options = parse(process.argv.slice(2))
const loaded = await import('../test/chaos/run.ts')
const chaos = loaded.startChaosEnvironment ? loaded : loaded.default
const ops = options.ops ?? chaos.defaultOps.soak
const kills = options.kills ?? chaos.defaultKills.soak
const seeds = [...options.seeds]
const fresh = options.count ?? (seeds.length === 0 ? 1 : 0)
for (let i = 0; i < fresh; i++) seeds.push(randomInt(1, 2 ** 31 - 1))
console.log(`soak: seeds ${seeds.join(', ')} (${ops} ops, ${kills}+ kills each)`)

const environment = await chaos.startChaosEnvironment()
const failed = []
try {
  for (const seed of seeds) {
    console.log(`soak: seed ${seed} — replay with: ${chaos.replayCommand(seed, ops, kills)}`)
    const result = await environment.runSeed({
      seed,
      ops,
      kills,
      log: (line) => console.log(`  ${line}`),
    })
    console.log(chaos.describeRun(result))
    if (result.failures.length > 0) {
      console.log(chaos.describeFailure(result))
      failed.push(result)
    }
  }
} finally {
  await environment.close()
}

if (failed.length > 0) {
  console.error(`\nsoak: ${failed.length} of ${seeds.length} seeds failed:`)
  for (const result of failed) console.error(`  seed ${result.seed}: ${result.replay}`)
  process.exit(1)
}
console.log(`\nsoak: all ${seeds.length} seeds passed`)
