// The office server's administration from the command line:
//   npm run server:migrate -- postgres://user:password@host:5432/okno
//     brings the server's database to this version's schema and prints the schema version;
//   npm run server:demo -- postgres://… [--accounts N] [--history-months M] [--seed S]
//     the same, then fills an empty office database with the demo (5,000 accounts by default).
// A bad address or a server that does not answer ends with the reason and exit code 1.
import { parseArgs } from 'node:util'
import pg from 'pg'
import type { Db } from '../db/connection'
import { CURRENT_SCHEMA_VERSION, migrateToLatest, schemaVersion } from '../db/migrate'
import { seedDemo } from '../demo/build'
import { DEFAULT_HISTORY_MONTHS } from '../demo/generator'
import { businessDate, DEFAULT_TIME_ZONE } from '../../shared/dates'
import { describeServerError } from './errors'
import { openServer, SERVER_CONNECT_TIMEOUT_MS } from './server'

const USAGE =
  'Использование:\n' +
  '  npm run server:migrate -- postgres://пользователь:пароль@сервер:5432/база\n' +
  '  npm run server:demo -- postgres://пользователь:пароль@сервер:5432/база [--accounts N] [--history-months M] [--seed S]'

class CliError extends Error {}

/** The address as PostgreSQL's client takes it, or a message about what is wrong with it. */
function checkUrl(text: string | undefined): string {
  if (!text) throw new CliError(`Не указан адрес сервера отделения.\n${USAGE}`)
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new CliError(`Неверный адрес сервера «${text}»: ожидается postgres://пользователь@сервер:порт/база`)
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new CliError(`Неверный адрес сервера «${text}»: он должен начинаться с postgres://`)
  }
  if (!url.hostname) throw new CliError(`В адресе сервера «${text}» нет имени или IP-адреса сервера`)
  if (url.pathname.length <= 1) throw new CliError(`В адресе сервера «${text}» не указана база данных`)
  return text
}

/** The address without the password, for messages. */
function shown(text: string): string {
  const url = new URL(text)
  if (url.password) url.password = '***'
  return url.toString()
}

function integer(name: string, text: string | undefined, min: number, max: number): number {
  const n = Number(text)
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new CliError(
      `--${name}: целое число от ${min.toLocaleString('ru-RU')} до ${max.toLocaleString('ru-RU')}`,
    )
  }
  return n
}

/**
 * One plain connection first: an unreachable server, a wrong password or a missing database is
 * told in one line (the pool would also print its own retries).
 */
async function checkReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: SERVER_CONNECT_TIMEOUT_MS })
  try {
    await client.connect()
  } catch (err) {
    const database = decodeURIComponent(new URL(url).pathname.slice(1))
    const hint =
      (err as { code?: unknown }).code === '3D000'
        ? ` Создайте её на сервере (CREATE DATABASE "${database}") и повторите команду.`
        : ''
    throw new CliError(`Не удалось подключиться к серверу отделения: ${describeServerError(err)}${hint}`)
  } finally {
    await client.end().catch(() => {})
  }
}

async function migrate(server: Db): Promise<void> {
  // The first statement also tells whether the server answers at all.
  const before = await schemaVersion(server.knex)
  if (before > CURRENT_SCHEMA_VERSION) {
    throw new CliError(
      `Схема базы на сервере новее (версия ${before}), чем у этой версии «Окна» (версия ${CURRENT_SCHEMA_VERSION}): ` +
        'обновите «Окно» и запустите команду из новой версии.',
    )
  }
  const applied = await migrateToLatest(server.knex)
  const version = await schemaVersion(server.knex)
  console.log(
    applied.length > 0
      ? `Схема обновлена с версии ${before} до версии ${version}: ${applied.join(', ')}`
      : `Схема базы уже последней версии: ${version}`,
  )
}

async function demo(server: Db, options: { accounts: number; historyMonths: number; seed?: number }) {
  const [row] = (await server.knex('accounts').count({ n: '*' })) as Array<{ n: number | string }>
  const existing = Number(row?.n ?? 0)
  if (existing > 0) {
    throw new CliError(
      `В базе сервера уже есть лицевые счета (${existing.toLocaleString('ru-RU')}): демо-данные заполняют только пустую базу.`,
    )
  }
  console.log(
    `Заполняю демо-данными: ${options.accounts.toLocaleString('ru-RU')} лицевых счетов, ` +
      `история ${options.historyMonths} мес.…`,
  )
  const started = performance.now()
  await seedDemo(server, {
    accounts: options.accounts,
    asOf: businessDate(new Date(), DEFAULT_TIME_ZONE),
    historyMonths: options.historyMonths,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  })
  await server.knex.raw('ANALYZE')
  const seconds = (performance.now() - started) / 1000
  console.log(
    `Демо-отделение готово за ${seconds.toFixed(1)} с ` +
      `(${Math.round(options.accounts / seconds).toLocaleString('ru-RU')} счетов/с)`,
  )
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      accounts: { type: 'string', default: '5000' },
      'history-months': { type: 'string', default: String(DEFAULT_HISTORY_MONTHS) },
      seed: { type: 'string' },
    },
  })
  const [command, address, ...extra] = positionals
  if (command !== 'migrate' && command !== 'demo') {
    throw new CliError(`${command ? `Неизвестная команда «${command}».\n` : ''}${USAGE}`)
  }
  if (extra.length > 0) throw new CliError(`Лишние аргументы: ${extra.join(' ')}\n${USAGE}`)
  const url = checkUrl(address)
  const options = {
    accounts: integer('accounts', values.accounts, 1, 5_000_000),
    historyMonths: integer('history-months', values['history-months'], 0, 120),
    ...(values.seed === undefined ? {} : { seed: integer('seed', values.seed, -(2 ** 31), 2 ** 32) }),
  }
  console.log(`Сервер отделения: ${shown(url)}`)
  await checkReachable(url)
  // No statement timeout: the schema and the demo take longer than a desk's statement may.
  const server = openServer(url, { statementTimeoutMs: 0 })
  try {
    await migrate(server)
    if (command === 'demo') await demo(server, options)
  } finally {
    await server.close()
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof CliError) {
    console.error(err.message)
  } else if (err instanceof TypeError && /invalid url|ERR_INVALID_URL/i.test(String(err))) {
    console.error(`Неверный адрес сервера: ${err.message}`)
  } else if (typeof (err as { code?: unknown })?.code === 'string') {
    // A failure of the connection or of the server: its reason in words, with the server's text.
    console.error(`Не удалось выполнить команду: ${describeServerError(err)}`)
  } else {
    console.error('Не удалось выполнить команду:', err)
  }
  process.exit(1)
})
