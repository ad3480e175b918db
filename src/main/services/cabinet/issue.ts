// Issuing cabinet credentials at the counter: registration on presentation of a passport (the
// reset is in reset.ts), and the slip both print. The one-time password exists in clear only in
// the reply (and the slip printed from it); the database keeps its scrypt hash.
import type { Knex } from 'knex'
import type { CabinetIssued } from '../../../shared/domain/cabinet'
import type { ClerkInfo } from '../../../shared/domain/clerk'
import { OknoError } from '../../../shared/ipc/envelope'
import { checkPassport, type PassportFields } from '../../../shared/passport'
import { checkPersonName, type PersonNameFields } from '../../../shared/person-name'
import { isUniqueViolation } from '../../db/errors'
import { findCabinetByAccount, findCabinetByLogin, findCabinetByPerson } from '../../db/repositories/cabinets'
import { findOffice } from '../../db/repositories/organisation'
import { insertPerson } from '../../db/repositories/persons'
import type { PassportRecord } from '../../security/passport-vault'
import { appendAudit, recordAudit } from '../core/audit'
import { cabinetState, requireOpenAccount, today } from './cabinets'
import type { ServiceContext } from '../core/context'
import { buildCredentialsSlip } from '../documents/credentials-slip'
import { holderOnAccount, type HolderName } from './identity'
import { generateOneTimePassword } from './one-time-password'
import { enqueueOutbox, insertRecorded } from '../core/outbox'
import { requireOrganisation } from '../core/organisation'
import { storePassport } from './passports'
import { hashPassword } from '../clerks/passwords'
import { confirmBySupervisor, type SupervisorCredentials } from '../clerks/supervisor'

export interface RegisterCabinetInput {
  accountId: string
  passport: PassportFields
  holder: PersonNameFields
  /** The holder is not yet on the account: a supervisor adds them as an owner, with a reason. */
  addAsOwner?: { reason: string }
  supervisor?: SupervisorCredentials
  loginKind: 'account' | 'email'
  email: string | null
  phone: string | null
  notify: { email: boolean; sms: boolean }
}

/** Passport and name checked together, every field's problem reported at once. */
export function checkDocument(
  passport: PassportFields,
  holder: PersonNameFields,
  day: string,
): { record: PassportRecord; name: HolderName; warnings: string[] } {
  const doc = checkPassport(passport, day)
  const name = checkPersonName(holder)
  if (!doc.ok || !name.ok) {
    throw new OknoError('VALIDATION', 'Проверьте паспортные данные: ошибки отмечены у полей.', {
      ...(doc.ok ? {} : doc.errors),
      ...(name.ok ? {} : name.errors),
    })
  }
  const { series, number, issuedOn, issuedBy, departmentCode, birthDate } = doc.passport
  return {
    record: { series, number, issuedOn, issuedBy, departmentCode, birthDate, ...name.name },
    name: name.name,
    warnings: doc.warnings,
  }
}

export async function issueSlip(
  ctx: ServiceContext,
  clerk: ClerkInfo,
  kind: 'registration' | 'reset',
  cabinetAccountId: string,
  login: string,
  password: string,
  warnings: string[],
): Promise<CabinetIssued> {
  const org = await requireOrganisation(ctx)
  const { officeId } = ctx.settings.get()
  const office = officeId ? await findOffice(ctx.db, officeId) : undefined
  const state = await cabinetState(ctx, cabinetAccountId)
  const slip = buildCredentialsSlip({
    kind,
    organisation: { name: org.short_name, cabinetUrl: org.cabinet_url, phone: org.phone },
    office: office ? { name: office.name, address: office.address } : null,
    clerkName: clerk.fullName,
    issuedAt: ctx.clock.now().toISOString(),
    timeZone: org.time_zone,
    accountNumbers: state.accountNumbers,
    personName: state.holderName ?? '',
    login,
    password,
    passportMasked: state.passportMasked,
  })
  return { state, login, password, slip, warnings }
}

function accountTaken(accountNumber: string, login: string): OknoError {
  return new OknoError(
    'CONFLICT',
    `Счёт ${accountNumber} уже подключён к личному кабинету (логин ${login}). Если клиент забыл пароль, нажмите «Сбросить пароль».`,
  )
}

function personHasCabinet(login: string): OknoError {
  return new OknoError(
    'CONFLICT',
    `У клиента уже есть личный кабинет (логин ${login}). Подключите этот счёт к нему: «Подключить к кабинету».`,
  )
}

/** The contacts a login by e-mail or a chosen notification needs; all problems at once. */
function checkContacts(input: RegisterCabinetInput): void {
  const contactErrors: Record<string, string> = {}
  if (input.loginKind === 'email' && !input.email)
    contactErrors.email = 'Укажите адрес почты: он станет логином'
  if (input.notify.email && !input.email) contactErrors.email = 'Для уведомлений по почте укажите адрес'
  if (input.notify.sms && !input.phone) contactErrors.phone = 'Для SMS-уведомлений укажите телефон'
  if (Object.keys(contactErrors).length > 0) {
    throw new OknoError('VALIDATION', 'Проверьте контакты клиента.', contactErrors)
  }
}

type Account = { id: string; number: string }

/**
 * The passport holder among the account's people (then they must have no cabinet yet), or —
 * when they are not — the supervisor who confirms adding them as an owner.
 */
async function holderOrSupervisor(
  ctx: ServiceContext,
  clerk: ClerkInfo,
  account: Account,
  holder: { name: HolderName; birthDate: string },
  input: RegisterCabinetInput,
): Promise<{ personId: string; supervisor: null } | { personId: null; supervisor: ClerkInfo }> {
  const onAccount = await holderOnAccount(ctx.db, account.id, holder.name, holder.birthDate)
  if (onAccount) {
    const other = await findCabinetByPerson(ctx.db, onAccount.person_id)
    if (other) throw personHasCabinet(other.login)
    return { personId: onAccount.person_id, supervisor: null }
  }
  if (!input.addAsOwner) {
    // A refused access to personal data is logged with its result (152-ФЗ).
    await recordAudit(ctx, {
      action: 'cabinet.register_refused',
      clerkId: clerk.id,
      objectType: 'account',
      objectId: account.id,
      details: { reason: 'holder_not_on_account' },
    })
    throw new OknoError(
      'IDENTITY_MISMATCH',
      `Владелец паспорта не найден среди собственников и зарегистрированных по счёту ${account.number}: сверьте ФИО и дату рождения. ` +
        'Добавить нового собственника может старший операционист, указав причину.',
      { surname: 'Нет среди собственников и зарегистрированных' },
    )
  }
  return { personId: null, supervisor: await confirmBySupervisor(ctx, clerk, input.supervisor) }
}

/** The login the cabinet gets (the e-mail or the account number), refused when taken. */
async function freeLogin(
  ctx: ServiceContext,
  input: RegisterCabinetInput,
  account: Account,
): Promise<string> {
  const login = input.loginKind === 'email' ? (input.email as string).toLowerCase() : account.number
  if (await findCabinetByLogin(ctx.db, login)) {
    throw new OknoError('CONFLICT', `Логин ${login} уже занят другим кабинетом.`, {
      email: 'Этот адрес уже служит логином другого кабинета',
    })
  }
  return login
}

/** What a registration writes, checked and decided before its transaction. */
interface Registration {
  input: RegisterCabinetInput
  account: Account
  holder: { name: HolderName; record: PassportRecord }
  /** The holder's person record when they are on the account already. */
  personId: string | null
  supervisor: ClerkInfo | null
  login: string
  hash: string
}

/** The notification consent the customer gave at registration, if any channel was chosen. */
async function recordConsent(
  ctx: ServiceContext,
  trx: Knex.Transaction,
  clerk: ClerkInfo,
  r: Registration,
  ids: { personId: string; cabinetId: string; now: string },
): Promise<void> {
  const channels = [r.input.notify.email ? 'email' : '', r.input.notify.sms ? 'sms' : ''].filter(Boolean)
  if (channels.length === 0) return
  const consent = {
    id: ctx.newId(),
    person_id: ids.personId,
    cabinet_id: ids.cabinetId,
    kind: 'notifications',
    channels: channels.join(','),
    given_at: ids.now,
    clerk_id: clerk.id,
  }
  await insertRecorded(ctx, trx, 'consents', [consent])
  await appendAudit(ctx, trx, {
    action: 'consent.notifications',
    clerkId: clerk.id,
    objectType: 'person',
    objectId: ids.personId,
    details: { channels },
  })
}

/** The registration's writes, in one transaction: owner if new, passport, cabinet, link, consent. */
async function writeRegistration(
  ctx: ServiceContext,
  trx: Knex.Transaction,
  clerk: ClerkInfo,
  r: Registration,
): Promise<void> {
  // Checked again inside the write transaction: another counter may have registered the
  // account, or another account of the same person, since the checks before it.
  const raced = await findCabinetByAccount(trx, r.account.id)
  if (raced) throw accountTaken(r.account.number, raced.login)
  const racedPerson = r.personId ? await findCabinetByPerson(trx, r.personId) : undefined
  if (racedPerson) throw personHasCabinet(racedPerson.login)
  const now = ctx.clock.now().toISOString()
  const personId =
    r.personId ??
    (await addOwner(
      ctx,
      trx,
      r.account.id,
      { ...r.holder.name, birthDate: r.holder.record.birthDate },
      {
        clerkId: clerk.id,
        supervisorId: (r.supervisor as ClerkInfo).id,
        reason: (r.input.addAsOwner as { reason: string }).reason,
        now,
      },
    ))
  const masked = await storePassport(ctx, trx, personId, r.holder.record, clerk.id)
  const cabinet = {
    id: ctx.newId(),
    login: r.login,
    password_hash: r.hash,
    must_change: true,
    status: 'active',
    person_id: personId,
    email: r.input.email,
    phone: r.input.phone,
    created_at: now,
    created_by: clerk.id,
    updated_at: now,
    password_changed_at: now,
  }
  await insertRecorded(ctx, trx, 'cabinets', [cabinet])
  const link = {
    id: ctx.newId(),
    cabinet_id: cabinet.id,
    account_id: r.account.id,
    attached_at: now,
    attached_by: clerk.id,
  }
  await insertRecorded(ctx, trx, 'cabinet_accounts', [link])
  await recordConsent(ctx, trx, clerk, r, { personId, cabinetId: cabinet.id, now })
  await appendAudit(ctx, trx, {
    action: 'cabinet.register',
    clerkId: clerk.id,
    objectType: 'cabinet',
    objectId: cabinet.id,
    details: { login: r.login, account: r.account.number, passport: masked, loginKind: r.input.loginKind },
  })
}

export async function registerCabinet(
  ctx: ServiceContext,
  clerk: ClerkInfo,
  input: RegisterCabinetInput,
): Promise<CabinetIssued> {
  const day = await today(ctx)
  const { record, name, warnings } = checkDocument(input.passport, input.holder, day)
  checkContacts(input)
  const account = await requireOpenAccount(ctx, input.accountId)
  const existing = await findCabinetByAccount(ctx.db, account.id)
  if (existing) throw accountTaken(account.number, existing.login)
  const { personId, supervisor } = await holderOrSupervisor(
    ctx,
    clerk,
    account,
    { name, birthDate: record.birthDate },
    input,
  )
  const login = await freeLogin(ctx, input, account)
  const password = generateOneTimePassword()
  const hash = await hashPassword(password)
  const registration: Registration = {
    input,
    account,
    holder: { name, record },
    personId,
    supervisor,
    login,
    hash,
  }
  try {
    await ctx.db.knex.transaction((trx) => writeRegistration(ctx, trx, clerk, registration))
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new OknoError(
        'CONFLICT',
        `Счёт ${account.number} только что подключили к кабинету с другого рабочего места.`,
      )
    }
    throw err
  }
  return issueSlip(ctx, clerk, 'registration', account.id, login, password, warnings)
}

/** Adds the passport holder to the account as an owner (supervisor's decision, with a reason). */
async function addOwner(
  ctx: ServiceContext,
  trx: Knex.Transaction,
  accountId: string,
  person: HolderName & { birthDate: string },
  act: { clerkId: string; supervisorId: string; reason: string; now: string },
): Promise<string> {
  const row = await insertPerson(trx, {
    id: ctx.newId(),
    ...person,
    phone: null,
    email: null,
    now: act.now,
  })
  const link = {
    id: ctx.newId(),
    account_id: accountId,
    person_id: row.id as string,
    owner: true,
    share: null,
    registered: false,
    registered_since: null,
    created_at: act.now,
  }
  await enqueueOutbox(ctx, trx, { entity: 'persons', entityId: link.person_id, op: 'insert', payload: row })
  await insertRecorded(ctx, trx, 'account_persons', [link])
  await appendAudit(ctx, trx, {
    action: 'account.owner_added',
    clerkId: act.clerkId,
    objectType: 'account',
    objectId: accountId,
    details: { personId: link.person_id, reason: act.reason, confirmedBy: act.supervisorId },
  })
  return link.person_id
}
