// npm start's browser-mode path in small, for the lifetime tests: scripts/lib/child.mjs runs the
// browser-mode entry (from source, through tsx) as npm start's script runs out/main/web.js.
import { run } from '../../scripts/lib/child.mjs'

console.log(`script pid ${process.pid}`)
const result = await run(process.execPath, ['--import', 'tsx', 'src/main/web/cli.ts'], {
  onSpawn: (child) => console.log(`desk pid ${child.pid}`),
})
process.exitCode = result.code
