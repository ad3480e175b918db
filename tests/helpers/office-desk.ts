// A desk's store that downloaded from an office server before (its server id and download time
// kept), and an okno-server stand-in of that office: what office-mode IPC tests start from.
import { writeState } from '../../src/main/db/repositories/sync-state'
import { makeContext } from './context'
import { createTestDatabase, type TestDatabase, type TestEnv } from './database'
import { FakeOfficeServer } from './fake-office-link'

export async function downloadedDesk(): Promise<{
  database: TestDatabase
  env: TestEnv
  server: FakeOfficeServer
}> {
  const database = await createTestDatabase('sqlite')
  const env: TestEnv = { kind: 'sqlite', db: database.db, ...makeContext(database.db) }
  const server = new FakeOfficeServer()
  server.demo = true // the test store is the demo organisation
  // The desk downloaded from this office's database before: enrolling keeps its data.
  await writeState(env.db.knex, 'server_id', server.serverId)
  await writeState(env.db.knex, 'downloaded_at', '2026-11-01T00:00:00.000Z')
  return { database, env, server }
}
