// The PostgreSQL test server's administration, free of any test runner: another database's URL
// on the same server, and one statement as the server's admin (CREATE / DROP DATABASE). Used by
// the vitest helpers and by the end-to-end tests alike.
import pg from 'pg'

/** The server URL with another database name. */
export function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}

export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}
