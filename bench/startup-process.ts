// The fresh process benchStartup starts: see startup.bench.ts.
import { startAndAnswer } from './startup.bench'

const dataDir = process.argv[2]
if (!dataDir) throw new Error('Give the data folder to start from.')
void startAndAnswer(dataDir).then((figures) => console.log(JSON.stringify(figures)))
