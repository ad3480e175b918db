// npm run bench -- [options]: every bench in turn, each in its own process (a fresh heap, and a
// failure in one still lets the others report), with the same options. The first to start builds
// the bench database; the others reuse it.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const BENCHES = [
  'search.bench.ts',
  'charges.bench.ts',
  'readings.bench.ts',
  'payments.bench.ts',
  'appointments.bench.ts',
  'sync.bench.ts',
]

let failed = 0
for (const file of BENCHES) {
  console.log(`\n=== ${file} ===`)
  const run = spawnSync(
    process.execPath,
    [...process.execArgv, join(__dirname, file), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  )
  if (run.status !== 0) failed++
}
if (failed > 0) {
  console.error(`\nНе прошли: ${failed} из ${BENCHES.length}`)
  process.exit(1)
}
