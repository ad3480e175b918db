// The options every bench file understands (npm run bench passes the same ones to each), so one
// command line serves the whole run: npm run bench -- --accounts 100000.
import { parseArgs } from 'node:util'

/** The seed the bench databases are built with (the inputs' seed is separate: --seed). */
export const BUILD_SEED = 1_000_003

/**
 * Months of readings and payments in the bench database. Twelve would make the 1,000,000-account
 * build take well over ten minutes (a year is about a hundred rows per account, mostly payment
 * allocations); six still gives the charge run's six-month average its data.
 */
export const BENCH_HISTORY_MONTHS = 6

export interface BenchArgs {
  accounts: number
  historyMonths: number
  /** Search queries per kind, and readings posts measured. */
  queries: number
  posts: number
  /** Which rows the inputs are drawn from. */
  seed: number
}

export function benchArgs(argv: string[] = process.argv.slice(2)): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      accounts: { type: 'string', default: '1000000' },
      'history-months': { type: 'string', default: String(BENCH_HISTORY_MONTHS) },
      queries: { type: 'string', default: '200' },
      posts: { type: 'string', default: '300' },
      seed: { type: 'string', default: String(BUILD_SEED) },
    },
  })
  const int = (
    name: string,
    text: string | undefined,
    min: number,
    max = Number.MAX_SAFE_INTEGER,
  ): number => {
    const n = Number(text)
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`--${name}: целое число от ${min} до ${max}`)
    return n
  }
  return {
    accounts: int('accounts', values.accounts, 1000),
    historyMonths: int('history-months', values['history-months'], 6, 120),
    queries: int('queries', values.queries, 1),
    posts: int('posts', values.posts, 1),
    seed: int('seed', values.seed, -(2 ** 31), 2 ** 32),
  }
}
