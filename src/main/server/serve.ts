// `okno-server serve`: opens PostgreSQL (SCRAM only), checks its schema, loads or makes the TLS
// identity and the passport key in the data dir, starts the LISTEN connection and the HTTPS app.
import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { loadPassportKey } from '../config/passport-key'
import { openDb } from '../db/connection'
import { CURRENT_SCHEMA_VERSION, schemaVersion } from '../db/migrate'
import { findOrganisation } from '../db/repositories/organisation'
import { ensureServerId } from '../db/repositories/sync-state'
import { createPassportVault, unavailableVault } from '../security/passport-vault'
import { systemClock } from '../services/core/context'
import { SERVER_CONNECT_TIMEOUT_MS } from '../sync/server'
import { createApp } from './app'
import { CliError, shownUrl } from './cli-args'
import { ChangeNotifier } from './notifier'
import type { ServerState } from './state'
import { loadIdentity, selfSignedIdentity } from './tls'

export interface ServeOptions {
  pgUrl: string
  host: string
  port: number
  dataDir: string
  cert?: string
  key?: string
  hostNames: string[]
  /** PostgreSQL cancels a statement running longer (a stuck lock): the desk is answered 503. */
  statementTimeoutMs: number
}

const log = (line: string): void => console.log(`${new Date().toISOString()} ${line}`)

export async function serve(options: ServeOptions): Promise<void> {
  if (Boolean(options.cert) !== Boolean(options.key)) {
    throw new CliError('Сертификат и его ключ указываются вместе: --cert ФАЙЛ --key ФАЙЛ.')
  }
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 })
  const tls =
    options.cert && options.key
      ? loadIdentity(options.cert, options.key)
      : await selfSignedIdentity(options.dataDir, options.hostNames)
  const db = openDb({
    client: 'pg',
    connectionString: options.pgUrl,
    statementTimeoutMs: options.statementTimeoutMs,
    connectTimeoutMs: SERVER_CONNECT_TIMEOUT_MS,
    scramOnly: true,
  })
  const version = await schemaVersion(db.knex)
  if (version !== CURRENT_SCHEMA_VERSION) {
    await db.close()
    throw new CliError(
      version < CURRENT_SCHEMA_VERSION
        ? `Схема базы ${shownUrl(options.pgUrl)} версии ${version}, а этому серверу нужна ${CURRENT_SCHEMA_VERSION}: выполните npm run server -- migrate --pg URL_ВЛАДЕЛЬЦА.`
        : `Схема базы версии ${version} новее этого сервера (${CURRENT_SCHEMA_VERSION}): обновите «Окно» на сервере.`,
    )
  }
  const organisation = await findOrganisation(db)
  const passportKey = loadPassportKey({
    path: join(options.dataDir, 'passport-key.json'),
    sealer: null,
    envKey: process.env.OKNO_PASSPORT_KEY,
    plainWarning: `Ключ шифрования паспортов хранится в ${join(options.dataDir, 'passport-key.json')} (только для владельца файла).`,
  })
  if (!passportKey.key) log(`Паспорта на сервере недоступны: ${passportKey.reason}`)
  const notifier = new ChangeNotifier(options.pgUrl, log)
  await notifier.start()
  const state: ServerState = {
    db,
    hello: {
      serverId: await ensureServerId(db.knex),
      schemaVersion: CURRENT_SCHEMA_VERSION,
      demo: Boolean(organisation?.is_demo),
      organisation: organisation?.short_name ?? null,
    },
    vault: passportKey.key ? createPassportVault(passportKey.key) : unavailableVault(passportKey.reason),
    clock: systemClock,
    newId: randomUUID,
    notifier,
    log,
    deskSettings: new Map(),
  }
  const server = createApp(state, tls)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  server.on('error', (err) => log(`Ошибка сервера: ${err.message}`))
  const { port } = server.address() as AddressInfo
  const host = options.host.includes(':') ? `[${options.host}]` : options.host
  console.log(`Окно-сервер слушает https://${host}:${port}`)
  console.log(`Отпечаток сертификата (SHA-256): ${tls.fingerprint}`)
  const stop = (): void => {
    log('Останавливаюсь…')
    server.close()
    server.closeIdleConnections()
    // Long polls end at once: their desks ask again elsewhere.
    void notifier.close().then(async () => {
      server.closeAllConnections()
      await db.close()
      process.exit(0)
    })
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}
