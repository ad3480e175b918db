// Column order of the rows the demo generator emits, per table. Nullable columns the demo leaves
// empty (readings.superseded_by, payments.reverses_id, meters.removed_on…) are not listed: fewer
// columns is less JSON to write and parse.
// prettier-ignore
export const DEMO_COLUMNS = {
  organisation: [
    'id', 'name', 'short_name', 'inn', 'kpp', 'bank_name', 'bic', 'settlement_account',
    'correspondent_account', 'address', 'phone', 'time_zone', 'account_number_length',
    'verification_warning_days', 'is_demo', 'created_at', 'cabinet_url', 'reading_window_from',
    'reading_window_to', 'anomaly_factor',
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
    'next_verification_on', 'status', 'created_at', 'updated_at', 'fraction_digits',
  ],
  tariffs: ['id', 'service_id', 'zone', 'valid_from', 'price_kopecks'],
  norms: ['id', 'service_id', 'valid_from', 'basis', 'quantity_micro'],
  readings: [
    'id', 'meter_id', 'account_id', 'period', 'taken_on', 'source', 'kind', 'zone1_milli', 'zone2_milli',
    'rollover', 'status', 'anomaly', 'review', 'billable', 'created_at',
  ],
  payments: [
    'id', 'account_id', 'business_date', 'paid_at', 'amount_kopecks', 'kind', 'source', 'created_at',
  ],
  payment_allocations: ['id', 'payment_id', 'account_id', 'service_id', 'amount_kopecks'],
  opening_balances: ['account_id', 'service_id', 'as_of_period', 'amount_kopecks'],
  charge_runs: ['id', 'period', 'started_at', 'finished_at'],
  charges: ['id', 'account_id', 'service_id', 'period', 'basis', 'amount_kopecks', 'run_id', 'computed_at'],
  charge_lines: [
    'id', 'charge_id', 'account_id', 'service_id', 'period', 'meter_id', 'zone', 'kind', 'volume_milli',
    'price_kopecks', 'amount_kopecks', 'ref_periods',
  ],
  name_words: ['word'],
  office_schedules: ['office_id', 'weekday', 'opens', 'closes', 'break_from', 'break_to', 'capacity'],
  calendar_days: ['date', 'kind', 'name'],
  office_closures: ['office_id', 'date', 'reason'],
  appointments: [
    'id', 'office_id', 'topic_id', 'date', 'starts', 'ends', 'starts_at', 'account_id', 'person_name',
    'name_key', 'phone', 'customer_key', 'ticket_code', 'status', 'cancel_reason', 'rescheduled_from',
    'rescheduled_to', 'created_at', 'updated_at',
  ],
  appointment_seats: ['office_id', 'date', 'time', 'seat', 'appointment_id'],
} as const

export type DemoTable = keyof typeof DEMO_COLUMNS
export type Row = Array<string | number | boolean | null>

/** Adds one row of a table to what the generator writes. */
export type PushRow = (table: DemoTable, row: Row) => void

/** Where generated rows go: the fast SQLite writer, or plain knex inserts (PostgreSQL). */
export interface DemoSink {
  insert(table: DemoTable, rows: Row[]): Promise<void>
}
