// okno-server: `npm run server -- serve|migrate|enroll|desks|revoke|refusals|fingerprint|demo …`
// (usage in cli-args.ts; README «Сервер отделения (okno-server)»). A mistake or an unreachable
// database ends with one Russian line and exit code 1.
import { homedir } from 'node:os'
import { join } from 'node:path'
import { ScramOnlyClient } from '../db/pg-scram-client'
import { openDb, type Db } from '../db/connection'
import { DEFAULT_HISTORY_MONTHS } from '../demo/generator'
import { describeServerError } from '../sync/errors'
import { SERVER_CONNECT_TIMEOUT_MS, SERVER_STATEMENT_TIMEOUT_MS } from '../sync/server'
import { createEnrollment, demo, listDesks, listRefusals, migrate, revokeDesk } from './admin'
import {
  checkPgUrl,
  CliError,
  HELP,
  integer,
  parseCommand,
  parseListen,
  required,
  shownUrl,
  USAGE,
  type Options,
} from './cli-args'
import { serve } from './serve'
import { storedFingerprint } from './tls'

const DEFAULT_DATA_DIR = join(homedir(), '.okno-server')

/**
 * One plain connection first: an unreachable server, a wrong password or a missing database is
 * told in one line (the pool would also print its own retries).
 */
async function checkReachable(url: string): Promise<void> {
  const client = new ScramOnlyClient({
    connectionString: url,
    connectionTimeoutMillis: SERVER_CONNECT_TIMEOUT_MS,
  })
  try {
    await client.connect()
  } catch (err) {
    const database = decodeURIComponent(new URL(url).pathname.slice(1))
    const hint =
      (err as { code?: unknown }).code === '3D000'
        ? ` Создайте её (CREATE DATABASE "${database}") и повторите команду.`
        : ''
    throw new CliError(
      `Не удалось подключиться к базе данных ${shownUrl(url)}: ${describeServerError(err)}${hint}`,
    )
  } finally {
    await client.end().catch(() => {})
  }
}

/** The database of a one-off command (no statement timeout: the schema and the demo take long). */
async function withDb<T>(
  options: Options,
  positional: string | undefined,
  run: (db: Db) => Promise<T>,
): Promise<T> {
  const url = checkPgUrl(options.pg ?? positional)
  await checkReachable(url)
  const db = openDb({ client: 'pg', connectionString: url, scramOnly: true })
  try {
    return await run(db)
  } finally {
    await db.close()
  }
}

async function main(argv: string[]): Promise<void> {
  const { command, options, positionals } = parseCommand(argv)
  const extra = (allowed: number): void => {
    if (positionals.length > allowed)
      throw new CliError(`Лишние аргументы: ${positionals.slice(allowed).join(' ')}. ${HELP}`)
  }
  const dataDir = options['data-dir'] ?? DEFAULT_DATA_DIR
  switch (command) {
    case 'serve': {
      extra(0)
      const pgUrl = checkPgUrl(options.pg)
      const listen = parseListen(required(options, 'listen'))
      await checkReachable(pgUrl)
      await serve({
        pgUrl,
        ...listen,
        dataDir,
        ...(options.cert ? { cert: options.cert } : {}),
        ...(options.key ? { key: options.key } : {}),
        hostNames: options['host-name'] ?? [],
        statementTimeoutMs: integer(
          'statement-timeout-ms',
          options['statement-timeout-ms'],
          100,
          3_600_000,
          SERVER_STATEMENT_TIMEOUT_MS,
        ),
      })
      return
    }
    case 'migrate':
    case 'demo': {
      extra(1)
      const accounts = integer('accounts', options.accounts, 1, 5_000_000, 5_000)
      const historyMonths = integer(
        'history-months',
        options['history-months'],
        0,
        120,
        DEFAULT_HISTORY_MONTHS,
      )
      const seed = options.seed === undefined ? undefined : integer('seed', options.seed, -(2 ** 31), 2 ** 32)
      await withDb(options, positionals[0], async (db) => {
        await migrate(db, command === 'migrate' ? options['grant-to'] : undefined)
        if (command === 'demo')
          await demo(db, { accounts, historyMonths, ...(seed === undefined ? {} : { seed }) })
      })
      return
    }
    case 'enroll': {
      extra(0)
      const office = required(options, 'office')
      const counter = integer('counter', required(options, 'counter'), 1, 99)
      const minutes = integer('minutes', options.minutes, 1, 24 * 60, 15)
      const { code, expiresAt } = await withDb(options, undefined, (db) =>
        createEnrollment(db, office, counter, minutes),
      )
      console.log(`Код подключения окна ${counter} отделения ${office.toUpperCase()}: ${code}`)
      console.log(`Действует до ${expiresAt}, один раз.`)
      return
    }
    case 'desks':
      extra(0)
      return withDb(options, undefined, listDesks)
    case 'revoke':
      extra(1)
      return withDb(options, undefined, (db) => revokeDesk(db, positionals[0]))
    case 'refusals': {
      extra(0)
      const limit = integer('limit', options.limit, 1, 10_000, 50)
      return withDb(options, undefined, (db) => listRefusals(db, limit))
    }
    case 'fingerprint': {
      extra(0)
      const fingerprint = storedFingerprint(dataDir)
      if (!fingerprint)
        throw new CliError(
          `В папке ${dataDir} нет сертификата сервера: он создаётся при первом запуске serve.`,
        )
      console.log(`Отпечаток сертификата (SHA-256): ${fingerprint}`)
      return
    }
    default:
      throw new CliError(command ? `Неизвестная команда «${command}». ${HELP}` : USAGE)
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof CliError) {
    console.error(err.message)
  } else if (typeof (err as { code?: unknown })?.code === 'string') {
    console.error(`Не удалось выполнить команду: ${describeServerError(err)}`)
  } else {
    console.error(`Не удалось выполнить команду: ${err instanceof Error ? err.message : String(err)}`)
  }
  process.exit(1)
})
