// Scans src/ with Electronegativity and fails on any finding of medium severity or higher.
// The command-line tool exits 0 whatever it finds (and its CSV writer races with itself),
// so its runner is called directly and the findings are judged here.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const run = require('@doyensec/electronegativity/dist/runner.js')
const electronVersion = JSON.parse(
  readFileSync(require.resolve('electron/package.json'), 'utf8'),
).version

const { issues } = await run({
  input: 'src',
  electronVersionOverride: electronVersion,
  isRelative: true,
  customScan: [],
  excludeFromScan: [],
})

const findings = issues.map((issue) => ({
  check: issue.id,
  severity: issue.severity.name,
  confidence: issue.confidence.name,
  where: `${issue.file}:${issue.location.line}:${issue.location.column}`,
  blocking: issue.severity.value >= 2, // MEDIUM, HIGH, CRITICAL
}))
mkdirSync('test-results', { recursive: true })
writeFileSync('test-results/electronegativity.json', JSON.stringify(findings, null, 2))

for (const f of findings) {
  console.log(`  ${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.check} at ${f.where}`)
}
const blocking = findings.filter((f) => f.blocking)
if (blocking.length > 0) {
  console.error(`Electronegativity: ${blocking.length} finding(s) of medium severity or higher.`)
  process.exit(1)
}
console.log(`Electronegativity: ${findings.length} finding(s), none of medium severity or higher.`)
