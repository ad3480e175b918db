// Runs once before the end-to-end tests: builds ONE template demo database (5,000 accounts, a
// fixed seed, the business date E2E_CLOCK_START falls on) that every test copies, instead of each desk building its
// own; and checks the built app is there. The returned function removes the template.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { businessDate, DEFAULT_TIME_ZONE } from '../../src/shared/dates'
import { buildDemoSqlite } from '../../src/main/demo/build'
import { E2E_CLOCK_START, TEMPLATE_ENV } from './template'

export const TEMPLATE_ACCOUNTS = 5000
export const TEMPLATE_SEED = 20240601

export default async function globalSetup(): Promise<() => void> {
  const webJs = join(__dirname, '../../out/main/web.js')
  if (!existsSync(webJs)) {
    throw new Error(`Нет собранного приложения (${webJs}): сначала выполните npm run build`)
  }
  const dir = mkdtempSync(join(tmpdir(), 'okno-e2e-template-'))
  const file = join(dir, 'template.sqlite')
  await buildDemoSqlite(file, {
    accounts: TEMPLATE_ACCOUNTS,
    seed: TEMPLATE_SEED,
    asOf: businessDate(new Date(E2E_CLOCK_START), DEFAULT_TIME_ZONE),
  })
  // Tests run in worker processes, which inherit this environment.
  process.env[TEMPLATE_ENV] = file
  return () => rmSync(dir, { recursive: true, force: true })
}
