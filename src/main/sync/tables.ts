// The tables the office shares, in an order that respects their foreign keys (parents first),
// with each one's key and a Russian title for the progress bar and the supervisor's view.
// Local-only tables (the outbox, the sync state, the migrations' own) are not here.

export interface SyncTable {
  name: string
  key: readonly string[]
  title: string
}

export const SYNC_TABLES: readonly SyncTable[] = [
  { name: 'organisation', key: ['id'], title: 'организация' },
  { name: 'offices', key: ['id'], title: 'отделения' },
  { name: 'counters', key: ['id'], title: 'окна' },
  { name: 'clerks', key: ['id'], title: 'сотрудники' },
  { name: 'streets', key: ['id'], title: 'улицы' },
  { name: 'addresses', key: ['id'], title: 'адреса' },
  { name: 'accounts', key: ['id'], title: 'лицевые счета' },
  { name: 'persons', key: ['id'], title: 'люди' },
  { name: 'name_words', key: ['word'], title: 'словарь имён' },
  { name: 'account_persons', key: ['id'], title: 'жильцы' },
  { name: 'services', key: ['id'], title: 'услуги' },
  { name: 'meters', key: ['id'], title: 'приборы учёта' },
  { name: 'audit_log', key: ['id'], title: 'журнал действий' },
  { name: 'person_documents', key: ['id'], title: 'паспорта' },
  { name: 'cabinets', key: ['id'], title: 'личные кабинеты' },
  { name: 'cabinet_accounts', key: ['id'], title: 'счета кабинетов' },
  { name: 'consents', key: ['id'], title: 'согласия' },
  { name: 'identity_checks', key: ['id'], title: 'проверки личности' },
  { name: 'reset_unblocks', key: ['id'], title: 'разблокировки сброса' },
  { name: 'readings', key: ['id'], title: 'показания' },
  { name: 'tariffs', key: ['id'], title: 'тарифы' },
  { name: 'norms', key: ['id'], title: 'нормативы' },
  { name: 'charge_runs', key: ['id'], title: 'расчёты' },
  { name: 'charges', key: ['id'], title: 'начисления' },
  { name: 'charge_lines', key: ['id'], title: 'строки начислений' },
  { name: 'opening_balances', key: ['account_id', 'service_id'], title: 'входящие остатки' },
  { name: 'shifts', key: ['id'], title: 'смены' },
  { name: 'payments', key: ['id'], title: 'оплаты' },
  { name: 'payment_allocations', key: ['id'], title: 'разноска оплат' },
  { name: 'cash_movements', key: ['id'], title: 'внесения и выплаты' },
  { name: 'z_reports', key: ['id'], title: 'Z-отчёты' },
  { name: 'appointment_topics', key: ['id'], title: 'темы приёма' },
  { name: 'appointment_rules', key: ['id'], title: 'правила записи' },
  { name: 'office_schedules', key: ['office_id', 'weekday'], title: 'графики отделений' },
  { name: 'calendar_days', key: ['date'], title: 'производственный календарь' },
  { name: 'office_closures', key: ['office_id', 'date'], title: 'закрытые дни' },
  { name: 'appointments', key: ['id'], title: 'записи на приём' },
  { name: 'appointment_seats', key: ['office_id', 'date', 'time', 'seat'], title: 'места в расписании' },
]

/** Tables that stay on each store: the desk's queue and cursor, the server's log, migrations. */
export const LOCAL_TABLES: readonly string[] = [
  'outbox',
  'sync_state',
  'sync_changes',
  'server_desks',
  'server_enrollments',
  'server_sessions',
  'server_refusals',
  'okno_migrations',
  'okno_migrations_lock',
]

const BY_NAME = new Map(SYNC_TABLES.map((t) => [t.name, t]))

/** The table an outbox row names; a name outside the list is refused (never reaches SQL). */
export function syncTable(name: string): SyncTable {
  const table = BY_NAME.get(name)
  if (!table) throw new Error(`Таблица «${name}» не участвует в обмене с сервером`)
  return table
}

export function entityTitle(name: string): string {
  return BY_NAME.get(name)?.title ?? name
}
