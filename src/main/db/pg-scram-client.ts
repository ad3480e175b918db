// The server's PostgreSQL link answers only SCRAM password requests: a server (or a machine in the
// middle) asking for the password in clear or as MD5 gets the connection closed, not the password.
import pg from 'pg'
import type { Knex } from 'knex'
import ClientPg from 'knex/lib/dialects/postgres/index.js'

export const WEAK_AUTH_MESSAGE =
  'Сервер PostgreSQL запросил пароль в открытом виде или MD5: включите scram-sha-256 (password_encryption и pg_hba.conf)'

type Connection = { emit(event: 'error', err: Error): void }

/** pg's Client refusing the two weak password exchanges while connecting. */
export class ScramOnlyClient extends pg.Client {
  private refuseWeakAuth(): void {
    ;(this as unknown as { connection: Connection }).connection.emit('error', new Error(WEAK_AUTH_MESSAGE))
  }

  _handleAuthCleartextPassword(): void {
    this.refuseWeakAuth()
  }

  _handleAuthMD5Password(): void {
    this.refuseWeakAuth()
  }
}

const scramOnlyDriver = { ...pg, Client: ScramOnlyClient }

/**
 * knex's PostgreSQL client whose connections are ScramOnlyClient. Its config still says 'pg', as
 * the code that asks `client.config.client` (migrations, row locks) expects.
 */
class ScramOnlyKnexClient extends ClientPg {
  constructor(config: Knex.Config) {
    super({ ...config, client: 'pg' })
  }

  _driver(): unknown {
    return scramOnlyDriver
  }
}

export const scramOnlyKnexClient = ScramOnlyKnexClient as unknown as typeof Knex.Client
