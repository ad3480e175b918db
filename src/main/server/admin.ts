// The administrator's commands of okno-server besides serving: the schema (run as the database's
// owner, then the serving role's GRANTs), the demo office, enrollment codes, desks and refusals.
import { userInfo } from 'node:os'
import type { Db } from '../db/connection'
import { CURRENT_SCHEMA_VERSION, migrateToLatest, schemaVersion } from '../db/migrate'
import { seedDemo } from '../demo/build'
import { businessDate, DEFAULT_TIME_ZONE } from '../../shared/dates'
import { CliError } from './cli-args'
import { enrollCodeHash, newEnrollCode } from './secrets'

const ROLE_RE = /^[a-z_][a-z0-9_$]{0,62}$/

export async function migrate(db: Db, grantTo: string | undefined): Promise<void> {
  if (grantTo !== undefined && !ROLE_RE.test(grantTo)) {
    throw new CliError(`--grant-to «${grantTo}»: имя роли PostgreSQL из строчных латинских букв, цифр и «_».`)
  }
  // The first statement also tells whether the server answers at all.
  const before = await schemaVersion(db.knex)
  if (before > CURRENT_SCHEMA_VERSION) {
    throw new CliError(
      `Схема базы новее (версия ${before}), чем у этой версии «Окна» (версия ${CURRENT_SCHEMA_VERSION}): ` +
        'обновите «Окно» и запустите команду из новой версии.',
    )
  }
  const applied = await migrateToLatest(db.knex)
  const version = await schemaVersion(db.knex)
  console.log(
    applied.length > 0
      ? `Схема обновлена с версии ${before} до версии ${version}: ${applied.join(', ')}`
      : `Схема базы уже последней версии: ${version}`,
  )
  if (grantTo) {
    // The serving role reads and writes rows, and nothing else: no DDL, owns no table.
    await db.knex.raw('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ??', [grantTo])
    await db.knex.raw('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ??', [grantTo])
    console.log(`Права роли ${grantTo}: чтение и запись строк всех таблиц, последовательности.`)
  }
}

export async function demo(
  db: Db,
  options: { accounts: number; historyMonths: number; seed?: number },
): Promise<void> {
  const [row] = (await db.knex('accounts').count({ n: '*' })) as Array<{ n: number | string }>
  const existing = Number(row?.n ?? 0)
  if (existing > 0) {
    throw new CliError(
      `В базе уже есть лицевые счета (${existing.toLocaleString('ru-RU')}): демо-данные заполняют только пустую базу.`,
    )
  }
  console.log(
    `Заполняю демо-данными: ${options.accounts.toLocaleString('ru-RU')} лицевых счетов, история ${options.historyMonths} мес.…`,
  )
  const started = performance.now()
  await seedDemo(db, {
    accounts: options.accounts,
    asOf: businessDate(new Date(), DEFAULT_TIME_ZONE),
    historyMonths: options.historyMonths,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  })
  await db.knex.raw('ANALYZE')
  const seconds = (performance.now() - started) / 1000
  console.log(
    `Демо-отделение готово за ${seconds.toFixed(1)} с (${Math.round(options.accounts / seconds).toLocaleString('ru-RU')} счетов/с)`,
  )
}

/** A one-time code for a desk of `officeCode`'s counter `counter`, valid `minutes`. */
export async function createEnrollment(
  db: Db,
  officeCode: string,
  counter: number,
  minutes: number,
  now = new Date(),
): Promise<{ code: string; expiresAt: string }> {
  const office = (await db
    .knex('offices')
    .select('id', 'name')
    .whereRaw('upper(code) = ?', [officeCode.toUpperCase()])
    .first()) as { id: string; name: string } | undefined
  if (!office) {
    const codes = ((await db.knex('offices').select('code').orderBy('code')) as Array<{ code: string }>).map(
      (o) => o.code,
    )
    throw new CliError(`Нет отделения с кодом «${officeCode}». Есть: ${codes.join(', ') || 'ни одного'}.`)
  }
  const row = (await db
    .knex('counters')
    .select('id')
    .where({ office_id: office.id, number: counter })
    .first()) as { id: string } | undefined
  if (!row) throw new CliError(`В отделении «${office.name}» нет окна № ${counter}.`)
  const code = newEnrollCode()
  const expiresAt = new Date(now.getTime() + minutes * 60_000).toISOString()
  await db.knex('server_enrollments').insert({
    id: crypto.randomUUID(),
    code_hash: enrollCodeHash(code),
    office_id: office.id,
    counter_id: row.id,
    created_at: now.toISOString(),
    expires_at: expiresAt,
    used_at: null,
    desk_id: null,
    created_by: userInfo().username.slice(0, 64),
  })
  return { code, expiresAt }
}

export async function listDesks(db: Db): Promise<void> {
  const rows = (await db
    .knex('server_desks as d')
    .join('offices as o', 'o.id', 'd.office_id')
    .join('counters as c', 'c.id', 'd.counter_id')
    .select('d.id', 'd.name', 'o.code', 'c.number', 'd.created_at', 'd.last_seen_at', 'd.revoked_at')
    .orderBy([{ column: 'o.code' }, { column: 'c.number' }, { column: 'd.created_at' }])) as Array<{
    id: string
    name: string
    code: string
    number: number
    created_at: string
    last_seen_at: string | null
    revoked_at: string | null
  }>
  if (rows.length === 0) console.log('Подключённых рабочих мест нет.')
  for (const r of rows) {
    const state = r.revoked_at
      ? `отключено ${r.revoked_at}`
      : `последняя связь ${r.last_seen_at ?? 'не было'}`
    console.log(`${r.id}  ${r.code} окно ${r.number}  «${r.name}»  подключено ${r.created_at}  ${state}`)
  }
}

export async function revokeDesk(db: Db, deskId: string | undefined, now = new Date()): Promise<void> {
  if (!deskId || !/^[0-9a-f-]{36}$/i.test(deskId))
    throw new CliError('Укажите номер рабочего места (из npm run server -- desks).')
  const at = now.toISOString()
  const done = await db.knex.transaction(async (trx) => {
    const n = await trx('server_desks')
      .where({ id: deskId })
      .whereNull('revoked_at')
      .update({ revoked_at: at })
    await trx('server_sessions').where({ desk_id: deskId }).whereNull('ended_at').update({ ended_at: at })
    return n
  })
  if (done === 0)
    throw new CliError(`Рабочего места ${deskId} нет среди подключённых (npm run server -- desks).`)
  console.log(`Рабочее место ${deskId} отключено; его данные на компьютере сохранены.`)
}

export async function listRefusals(db: Db, limit: number): Promise<void> {
  const rows = (await db
    .knex('server_refusals as r')
    .leftJoin('server_desks as d', 'd.id', 'r.desk_id')
    .select('r.at', 'r.desk_id', 'd.name', 'r.clerk_id', 'r.entity', 'r.op', 'r.change_id', 'r.reason')
    .orderBy('r.id', 'desc')
    .limit(limit)) as Array<Record<string, string | null>>
  if (rows.length === 0) console.log('Отклонённых изменений нет.')
  for (const r of rows) {
    console.log(
      `${r.at}  «${r.name ?? r.desk_id}»  ${r.entity} ${r.op} ${r.change_id}  сотрудник ${r.clerk_id ?? '—'}: ${r.reason}`,
    )
  }
}
