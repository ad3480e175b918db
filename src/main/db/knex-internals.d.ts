// Types for the two knex internals the SQLite client extends (knex ships no types for them).
declare module 'knex/lib/dialects/sqlite3/index.js' {
  import type { Knex } from 'knex'
  const ClientSQLite3: new (config: Knex.Config) => Knex.Client
  export default ClientSQLite3
}
declare module 'knex/lib/dialects/sqlite3/execution/sqlite-transaction.js' {
  const TransactionSqlite: new (...args: unknown[]) => {
    query(conn: unknown, sql: string): Promise<unknown>
  }
  export default TransactionSqlite
}
declare module 'knex/lib/dialects/postgres/index.js' {
  import type { Knex } from 'knex'
  const ClientPg: new (config: Knex.Config) => Knex.Client
  export default ClientPg
}
