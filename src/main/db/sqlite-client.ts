// knex's SQLite client, changed in one respect: transactions start with BEGIN IMMEDIATE, so a
// write transaction takes the write lock up front and never fails half-way on SQLITE_BUSY when
// another process (a second window, a tool) writes to the same file.
import ClientSQLite3 from 'knex/lib/dialects/sqlite3/index.js'
import TransactionSqlite from 'knex/lib/dialects/sqlite3/execution/sqlite-transaction.js'

class ImmediateTransaction extends TransactionSqlite {
  begin(conn: unknown): Promise<unknown> {
    return this.query(conn, 'BEGIN IMMEDIATE;')
  }
}

export class OknoSqliteClient extends ClientSQLite3 {
  override transaction(...args: unknown[]): never {
    return new ImmediateTransaction(this, ...args) as never
  }
}
