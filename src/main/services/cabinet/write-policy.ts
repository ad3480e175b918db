// The office server's write policy for customers' cabinets and the people behind them: at a desk
// a clerk resets a password (the identity check, a new passport), attaches an account, and a
// supervisor lifts a reset block; registering a cabinet (the person, the owner, the consent) is
// the server's own operation.
import {
  type PolicyBatch,
  type PolicyChange,
  type Refusal,
  type TablePolicies,
  actorWithRole,
  knownColumns,
  serverOnly,
  signedBy,
  updatedBy,
} from '../core/policy-kit'

const REGISTRATION = 'Регистрация личного кабинета (человек, его паспорт, согласие) выполняется'

/** Inserts of rows the server's registration writes; the passport is also written by a reset. */
const registrationOnly = serverOnly(REGISTRATION)

async function documentInsert(change: PolicyChange, batch: PolicyBatch): Promise<Refusal> {
  // A reset with a new passport stores it at the desk (sealed; the server keeps it as it is).
  const refusal = (await knownColumns(change, batch)) ?? signedBy(change, 'created_by', batch)
  if (refusal) return refusal
  const person =
    typeof change.row.person_id === 'string' ? await batch.row('persons', change.row.person_id) : undefined
  return person ? null : 'Паспорт не принимается: человека нет на сервере.'
}

async function documentUpdate(change: PolicyChange, batch: PolicyBatch): Promise<Refusal> {
  // A new passport replaces the previous one: the old row is only marked replaced.
  const actor = updatedBy(
    change,
    batch,
    ['replaced_at'],
    'Паспорт изменить нельзя: его только заменяют новым.',
  )
  if (typeof actor === 'string') return actor
  return (await batch.row('person_documents', change.key)) ? null : 'Заменяемого паспорта нет на сервере.'
}

async function cabinetUpdate(change: PolicyChange, batch: PolicyBatch): Promise<Refusal> {
  // A password reset at the desk: the new password's hash, to be changed at the first sign-in.
  const actor = updatedBy(
    change,
    batch,
    ['password_hash', 'must_change', 'updated_at', 'password_changed_at'],
    'Личный кабинет с окна меняется только сбросом пароля.',
  )
  if (typeof actor === 'string') return actor
  if (typeof change.row.password_hash !== 'string' || change.row.password_hash === '') {
    return 'Сброс пароля личного кабинета без нового пароля не принимается.'
  }
  return (await batch.row('cabinets', change.key)) ? null : 'Личного кабинета нет на сервере.'
}

async function cabinetAccountInsert(change: PolicyChange, batch: PolicyBatch): Promise<Refusal> {
  const refusal = (await knownColumns(change, batch)) ?? signedBy(change, 'attached_by', batch)
  if (refusal) return refusal
  const { row } = change
  const cabinet = typeof row.cabinet_id === 'string' ? await batch.row('cabinets', row.cabinet_id) : undefined
  const account = typeof row.account_id === 'string' ? await batch.row('accounts', row.account_id) : undefined
  return cabinet && account ? null : 'Счёт не подключается: кабинета или счёта нет на сервере.'
}

async function identityCheckInsert(change: PolicyChange, batch: PolicyBatch): Promise<Refusal> {
  const refusal = (await knownColumns(change, batch)) ?? signedBy(change, 'clerk_id', batch)
  if (refusal) return refusal
  return change.row.result === 'passed' || change.row.result === 'failed'
    ? null
    : 'Проверка личности записывается только как пройденная или не пройденная.'
}

async function unblockInsert(change: PolicyChange, batch: PolicyBatch): Promise<Refusal> {
  const refusal =
    (await knownColumns(change, batch)) ??
    signedBy(change, 'clerk_id', batch) ??
    (await actorWithRole(change, batch, 'supervisor', 'Снять блокировку сброса пароля'))
  return refusal
}

const APPEND_ONLY = 'такие записи только добавляются.'

export const cabinetWritePolicies: TablePolicies = {
  persons: registrationOnly,
  name_words: serverOnly('Словарь имён меняется'),
  account_persons: registrationOnly,
  consents: {
    ...registrationOnly,
    update: () => `Согласие изменить нельзя: ${APPEND_ONLY}`,
    delete: () => `Согласие не удаляется: ${APPEND_ONLY}`,
  },
  cabinets: {
    insert: registrationOnly.insert,
    update: cabinetUpdate,
    delete: () => 'Личный кабинет не удаляется обменом с окна.',
  },
  person_documents: {
    insert: documentInsert,
    update: documentUpdate,
    delete: () => 'Паспорт не удаляется: его только заменяют новым.',
  },
  cabinet_accounts: {
    insert: cabinetAccountInsert,
    update: () => 'Подключение счёта к кабинету не меняется обменом с окна.',
    delete: () => 'Подключение счёта к кабинету не удаляется обменом с окна.',
  },
  identity_checks: {
    insert: identityCheckInsert,
    update: () => `Проверку личности изменить нельзя: ${APPEND_ONLY}`,
    delete: () => `Проверка личности не удаляется: ${APPEND_ONLY}`,
  },
  reset_unblocks: {
    insert: unblockInsert,
    update: () => `Разблокировку сброса изменить нельзя: ${APPEND_ONLY}`,
    delete: () => `Разблокировка сброса не удаляется: ${APPEND_ONLY}`,
  },
}
