// Column order of the rows the demo generator emits, per table.
// prettier-ignore
export const DEMO_COLUMNS = {
  organisation: [
    'id', 'name', 'short_name', 'inn', 'kpp', 'bank_name', 'bic', 'settlement_account',
    'correspondent_account', 'address', 'phone', 'time_zone', 'account_number_length',
    'verification_warning_days', 'is_demo', 'created_at', 'cabinet_url',
  ],
  offices: ['id', 'code', 'name', 'address', 'phone', 'created_at'],
  counters: ['id', 'office_id', 'number', 'name', 'created_at'],
  clerks: [
    'id', 'login', 'full_name', 'role', 'password_hash', 'office_id', 'active', 'failed_attempts',
    'locked_until', 'created_at', 'updated_at',
  ],
  services: ['id', 'code', 'name', 'unit', 'metered', 'sort'],
  streets: ['id', 'locality', 'kind', 'name', 'search_key', 'office_id', 'created_at'],
  addresses: [
    'id', 'street_id', 'house', 'house_key', 'house_sort', 'apartment', 'apartment_sort',
    'postcode', 'created_at',
  ],
  accounts: [
    'id', 'number', 'address_id', 'office_id', 'status', 'area_centi_sqm', 'opened_on',
    'closed_on', 'created_at', 'updated_at',
  ],
  persons: [
    'id', 'surname', 'first_name', 'patronymic', 'birth_date', 'surname_key', 'first_name_key',
    'patronymic_key', 'phone', 'email', 'created_at', 'updated_at',
  ],
  account_persons: [
    'id', 'account_id', 'person_id', 'owner', 'share', 'registered', 'registered_since', 'created_at',
  ],
  meters: [
    'id', 'account_id', 'service_id', 'serial', 'zones', 'digit_capacity', 'installed_on',
    'next_verification_on', 'status', 'created_at', 'updated_at',
  ],
  name_words: ['word'],
} as const

export type DemoTable = keyof typeof DEMO_COLUMNS
export type Row = Array<string | number | boolean | null>

/** Where generated rows go: the fast SQLite writer, or plain knex inserts (PostgreSQL). */
export interface DemoSink {
  insert(table: DemoTable, rows: Row[]): Promise<void>
}
