// npm run demo:db -- [--accounts N] [--history-months M] [--db PATH] [--seed S] [--as-of YYYY-MM-DD]
// Builds a demo SQLite database (default: 5,000 accounts with 12 months of readings and payments,
// at the app's database path).
import { statSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { businessDate, DEFAULT_TIME_ZONE } from '../../shared/dates'
import { resolveDbPath } from '../config/paths'
import { buildDemoSqlite } from './build'
import { DEFAULT_HISTORY_MONTHS } from './generator'

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '5000' },
    db: { type: 'string' },
    seed: { type: 'string' },
    'as-of': { type: 'string' },
    'history-months': { type: 'string', default: String(DEFAULT_HISTORY_MONTHS) },
  },
})

const accounts = Number(values.accounts)
if (!Number.isInteger(accounts) || accounts < 1 || accounts > 5_000_000) {
  console.error('--accounts: целое число от 1 до 5 000 000')
  process.exit(2)
}
const historyMonths = Number(values['history-months'])
if (!Number.isInteger(historyMonths) || historyMonths < 0 || historyMonths > 120) {
  console.error('--history-months: целое число от 0 до 120 (0 — без показаний и платежей)')
  process.exit(2)
}
const asOf = values['as-of'] ?? businessDate(new Date(), DEFAULT_TIME_ZONE)
if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
  console.error('--as-of: дата в виде ГГГГ-ММ-ДД')
  process.exit(2)
}
const filename = values.db ?? resolveDbPath()
const PHASES: Record<string, string> = {
  migrate: 'схема',
  rows: 'строки',
  indexes: 'индексы',
  analyze: 'статистика',
}

async function main(): Promise<void> {
  const started = performance.now()
  let phaseStart = started
  let phase = 'migrate'
  const report = (next: string): void => {
    const now = performance.now()
    console.log(`  ${PHASES[phase] ?? phase}: ${((now - phaseStart) / 1000).toFixed(1)} с`)
    phase = next
    phaseStart = now
  }
  await buildDemoSqlite(
    filename,
    { accounts, asOf, historyMonths, seed: values.seed ? Number(values.seed) : undefined },
    report,
  )
  report('done')
  const seconds = (performance.now() - started) / 1000
  const mb = statSync(filename).size / 1024 / 1024
  console.log(
    `Демо-база: ${filename}\n${accounts.toLocaleString('ru-RU')} лицевых счетов, история ${historyMonths} мес., ` +
      `за ${seconds.toFixed(1)} с ` +
      `(${Math.round(accounts / seconds).toLocaleString('ru-RU')} счетов/с), ${mb.toFixed(0)} МБ`,
  )
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
