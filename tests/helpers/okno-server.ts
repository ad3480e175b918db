// A real okno-server process for vitest suites: on a fresh demo office database on
// OKNO_TEST_PG_URL (or a given one: two servers on one database); without OKNO_TEST_PG_URL the
// suites using it are skipped with the reason printed. The process itself: okno-server-process.ts.
import { describe } from 'vitest'
import { PG_URL_VARIABLE, pgUrl } from './database'
import { startServerProcess, type OknoServer, type StartOptions } from './okno-server-process'
import { createOffice, type Office } from './sync'

export { runCli, type OknoServer, type StartOptions } from './okno-server-process'

const SKIP_REASON = pgUrl()
  ? null
  : `[okno tests] okno-server suites skipped: ${PG_URL_VARIABLE} is not set (they need a PostgreSQL server).`

/** A suite that needs a real okno-server; skipped with a printed reason without PostgreSQL. */
export function describeWithServer(name: string, body: () => void): void {
  if (SKIP_REASON) console.warn(SKIP_REASON)
  describe.skipIf(SKIP_REASON !== null)(name, body)
}

export async function startOknoServer(options: StartOptions = {}): Promise<OknoServer> {
  const { pgUrl: given, ...rest } = options
  const office = given ? null : await createOffice()
  return startServerProcess(given ?? (office as Office).url, office, rest)
}
