// Issuing cabinet credentials at the counter: registration on presentation of a passport, and a
// password reset after an identity check. The one-time password exists in clear only in the
// reply (and the slip printed from it); the database keeps its scrypt hash.
import type { Knex } from 'knex'
import { MAX_FAILED_IDENTITY_CHECKS, type CabinetIssued } from '../../../shared/domain/cabinet'
import type { ClerkInfo } from '../../../shared/domain/clerk'
import { OknoError } from '../../../shared/ipc/envelope'
import { checkPassport, parseSeriesNumber, type PassportFields } from '../../../shared/passport'
import { checkPersonName, type PersonNameFields } from '../../../shared/person-name'
import { isUniqueViolation } from '../../db/errors'
import {
  failedChecksToday,
  findCabinetByAccount,
  findCabinetByLogin,
  findCabinetByPerson,
  setCabinetPassword,
  type CabinetRow,
} from '../../db/repositories/cabinets'
import { findOffice } from '../../db/repositories/organisation'
import { currentDocument, type DocumentRow } from '../../db/repositories/passports'
import { insertPerson, personName, type PersonNameRow } from '../../db/repositories/persons'
import type { PassportRecord } from '../../security/passport-vault'
import { appendAudit, recordAudit } from '../core/audit'
import { cabinetState, requireOpenAccount, today } from './cabinets'
import type { ServiceContext } from '../core/context'
import { buildCredentialsSlip } from '../documents/credentials-slip'
import { holderOnAccount, sameHolder, type HolderName } from './identity'
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

export type ResetIdentity =
  | { kind: 'stored'; seriesNumber: string }
  | {
      kind: 'document'
      passport: PassportFields
      holder: PersonNameFields
      supervisor?: SupervisorCredentials
    }

/** Passport and name checked together, every field's problem reported at once. */
function checkDocument(
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

async function issueSlip(
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

export async function registerCabinet(
  ctx: ServiceContext,
  clerk: ClerkInfo,
  input: RegisterCabinetInput,
): Promise<CabinetIssued> {
  const day = await today(ctx)
  const { record, name, warnings } = checkDocument(input.passport, input.holder, day)
  const contactErrors: Record<string, string> = {}
  if (input.loginKind === 'email' && !input.email)
    contactErrors.email = 'Укажите адрес почты: он станет логином'
  if (input.notify.email && !input.email) contactErrors.email = 'Для уведомлений по почте укажите адрес'
  if (input.notify.sms && !input.phone) contactErrors.phone = 'Для SMS-уведомлений укажите телефон'
  if (Object.keys(contactErrors).length > 0) {
    throw new OknoError('VALIDATION', 'Проверьте контакты клиента.', contactErrors)
  }
  const account = await requireOpenAccount(ctx, input.accountId)
  const existing = await findCabinetByAccount(ctx.db, account.id)
  if (existing) throw accountTaken(account.number, existing.login)
  const onAccount = await holderOnAccount(ctx.db, account.id, name, record.birthDate)
  let supervisor: ClerkInfo | null = null
  if (!onAccount) {
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
    supervisor = await confirmBySupervisor(ctx, clerk, input.supervisor)
  } else {
    const other = await findCabinetByPerson(ctx.db, onAccount.person_id)
    if (other) throw personHasCabinet(other.login)
  }
  const login = input.loginKind === 'email' ? (input.email as string).toLowerCase() : account.number
  if (await findCabinetByLogin(ctx.db, login)) {
    throw new OknoError('CONFLICT', `Логин ${login} уже занят другим кабинетом.`, {
      email: 'Этот адрес уже служит логином другого кабинета',
    })
  }
  const password = generateOneTimePassword()
  const hash = await hashPassword(password)
  try {
    await ctx.db.knex.transaction(async (trx) => {
      // Checked again inside the write transaction: another counter may have registered the
      // account, or another account of the same person, since the checks above.
      const raced = await findCabinetByAccount(trx, account.id)
      if (raced) throw accountTaken(account.number, raced.login)
      const racedPerson = onAccount ? await findCabinetByPerson(trx, onAccount.person_id) : undefined
      if (racedPerson) throw personHasCabinet(racedPerson.login)
      const now = ctx.clock.now().toISOString()
      const personId =
        onAccount?.person_id ??
        (await addOwner(
          ctx,
          trx,
          account.id,
          { ...name, birthDate: record.birthDate },
          {
            clerkId: clerk.id,
            supervisorId: (supervisor as ClerkInfo).id,
            reason: (input.addAsOwner as { reason: string }).reason,
            now,
          },
        ))
      const masked = await storePassport(ctx, trx, personId, record, clerk.id)
      const cabinet = {
        id: ctx.newId(),
        login,
        password_hash: hash,
        must_change: true,
        status: 'active',
        person_id: personId,
        email: input.email,
        phone: input.phone,
        created_at: now,
        created_by: clerk.id,
        updated_at: now,
        password_changed_at: now,
      }
      await insertRecorded(ctx, trx, 'cabinets', [cabinet])
      const link = {
        id: ctx.newId(),
        cabinet_id: cabinet.id,
        account_id: account.id,
        attached_at: now,
        attached_by: clerk.id,
      }
      await insertRecorded(ctx, trx, 'cabinet_accounts', [link])
      const channels = [input.notify.email ? 'email' : '', input.notify.sms ? 'sms' : ''].filter(Boolean)
      if (channels.length > 0) {
        const consent = {
          id: ctx.newId(),
          person_id: personId,
          cabinet_id: cabinet.id,
          kind: 'notifications',
          channels: channels.join(','),
          given_at: now,
          clerk_id: clerk.id,
        }
        await insertRecorded(ctx, trx, 'consents', [consent])
        await appendAudit(ctx, trx, {
          action: 'consent.notifications',
          clerkId: clerk.id,
          objectType: 'person',
          objectId: personId,
          details: { channels },
        })
      }
      await appendAudit(ctx, trx, {
        action: 'cabinet.register',
        clerkId: clerk.id,
        objectType: 'cabinet',
        objectId: cabinet.id,
        details: { login, account: account.number, passport: masked, loginKind: input.loginKind },
      })
    })
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

/** Records a failed identity check (committed even though the reset is refused). */
async function identityFailed(
  ctx: ServiceContext,
  clerkId: string,
  accountId: string,
  day: string,
): Promise<never> {
  await ctx.db.knex.transaction(async (trx) => {
    const row = {
      id: ctx.newId(),
      account_id: accountId,
      business_date: day,
      at: ctx.clock.now().toISOString(),
      result: 'failed',
      clerk_id: clerkId,
    }
    await insertRecorded(ctx, trx, 'identity_checks', [row])
    await appendAudit(ctx, trx, {
      action: 'cabinet.identity_failed',
      clerkId,
      objectType: 'account',
      objectId: accountId,
    })
  })
  const left = MAX_FAILED_IDENTITY_CHECKS - (await failedChecksToday(ctx.db, accountId, day))
  throw new OknoError(
    'IDENTITY_MISMATCH',
    left > 0
      ? `Документ не совпадает с данными владельца кабинета. Осталось попыток сегодня: ${left}.`
      : 'Документ не совпадает с данными владельца кабинета. Сброс пароля по счёту заблокирован до конца дня; разблокировать может старший операционист.',
  )
}

/**
 * Whether the presented series and number are the stored passport's. An HMAC made under another
 * workstation's key cannot be compared with ours: that is refused, never counted as a mismatch.
 */
function matchesStored(
  ctx: ServiceContext,
  stored: DocumentRow,
  passport: { series: string; number: string },
): boolean {
  const hmac = ctx.vault.hmac(passport.series, passport.number)
  if (stored.key_id !== ctx.vault.keyId) {
    throw new OknoError(
      'UNAVAILABLE',
      'Паспорт владельца кабинета записан на другом рабочем месте, под другим ключом шифрования: здесь его не сверить. Сбросьте пароль на том рабочем месте или обратитесь к администратору.',
    )
  }
  return hmac === stored.number_hmac
}

function blockedError(): OknoError {
  return new OknoError(
    'CONFLICT',
    `Сброс пароля по этому счёту заблокирован до конца дня после ${MAX_FAILED_IDENTITY_CHECKS} неудачных проверок личности. Разблокировать может старший операционист.`,
  )
}

export async function resetCabinetPassword(
  ctx: ServiceContext,
  clerk: ClerkInfo,
  input: { accountId: string; identity: ResetIdentity },
): Promise<CabinetIssued> {
  const day = await today(ctx)
  await requireOpenAccount(ctx, input.accountId)
  const cabinet = await findCabinetByAccount(ctx.db, input.accountId)
  if (!cabinet) {
    throw new OknoError('NOT_FOUND', 'К этому счёту личный кабинет не подключён: зарегистрируйте его.')
  }
  if (cabinet.status === 'blocked') {
    throw new OknoError(
      'CONFLICT',
      'Личный кабинет заблокирован: пароль при блокировке не сбрасывается. Обратитесь к администратору.',
    )
  }
  if ((await failedChecksToday(ctx.db, input.accountId, day)) >= MAX_FAILED_IDENTITY_CHECKS)
    throw blockedError()
  const stored = await currentDocument(ctx.db, cabinet.person_id)
  const identity = input.identity
  let confirmedBy: string | null = null
  let newRecord: PassportRecord | null = null
  if (identity.kind === 'stored') {
    if (!stored) {
      throw new OknoError(
        'VALIDATION',
        'Паспорт владельца кабинета не записан: заполните паспортные данные полностью, понадобится подтверждение старшего операциониста.',
      )
    }
    const parsed = parseSeriesNumber(identity.seriesNumber)
    if (!parsed) {
      throw new OknoError('VALIDATION', 'Проверьте серию и номер паспорта.', {
        seriesNumber: 'Серия — 4 цифры, номер — 6 цифр, например 45 06 123456',
      })
    }
    if (!matchesStored(ctx, stored, parsed)) return identityFailed(ctx, clerk.id, input.accountId, day)
  } else {
    const { record, name } = checkDocument(identity.passport, identity.holder, day)
    if (stored) {
      if (!matchesStored(ctx, stored, record)) return identityFailed(ctx, clerk.id, input.accountId, day)
    } else {
      // No passport on file: the document is checked against the holder's record, and a
      // supervisor vouches for it.
      const supervisor = await confirmBySupervisor(ctx, clerk, identity.supervisor)
      confirmedBy = supervisor.id
      const holder = (await personName(ctx.db.knex, cabinet.person_id)) as PersonNameRow
      if (!sameHolder(holder, name, record.birthDate))
        return identityFailed(ctx, clerk.id, input.accountId, day)
      newRecord = record
    }
  }
  const password = generateOneTimePassword()
  const hash = await hashPassword(password)
  await ctx.db.knex.transaction(async (trx) => {
    if (newRecord) await storePassport(ctx, trx, cabinet.person_id, newRecord, clerk.id)
    await applyReset(ctx, trx, cabinet, input.accountId, hash, clerk.id, day, {
      via: identity.kind,
      confirmedBy,
    })
  })
  return issueSlip(ctx, clerk, 'reset', input.accountId, cabinet.login, password, [])
}

async function applyReset(
  ctx: ServiceContext,
  trx: Knex.Transaction,
  cabinet: CabinetRow,
  accountId: string,
  hash: string,
  clerkId: string,
  day: string,
  how: { via: ResetIdentity['kind']; confirmedBy: string | null },
): Promise<void> {
  const now = ctx.clock.now().toISOString()
  const update = { password_hash: hash, must_change: true, updated_at: now, password_changed_at: now }
  await setCabinetPassword(trx, cabinet.id, update)
  const check = {
    id: ctx.newId(),
    account_id: accountId,
    business_date: day,
    at: now,
    result: 'passed',
    clerk_id: clerkId,
  }
  await enqueueOutbox(ctx, trx, {
    entity: 'cabinets',
    entityId: cabinet.id,
    op: 'update',
    payload: { id: cabinet.id, ...update },
  })
  await insertRecorded(ctx, trx, 'identity_checks', [check])
  await appendAudit(ctx, trx, {
    action: 'cabinet.password_reset',
    clerkId,
    objectType: 'cabinet',
    objectId: cabinet.id,
    details: { login: cabinet.login, via: how.via, confirmedBy: how.confirmedBy },
  })
}
