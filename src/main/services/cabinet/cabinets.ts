// The cabinet of an account as the counter sees it, attaching another account of the same
// person, unblocking resets, and the sign-in check the online cabinet would call.
import {
  MAX_FAILED_IDENTITY_CHECKS,
  type CabinetLoginResult,
  type CabinetState,
} from '../../../shared/domain/cabinet'
import { businessDate } from '../../../shared/dates'
import { OknoError } from '../../../shared/ipc/envelope'
import { parseSeriesNumber } from '../../../shared/passport'
import { isUniqueViolation } from '../../db/errors'
import { findAccount } from '../../db/repositories/accounts'
import {
  accountPersonRows,
  cabinetAccountNumbers,
  failedChecksToday,
  findCabinetByAccount,
  findCabinetByLogin,
  findCabinetByPerson,
  notificationChannels,
} from '../../db/repositories/cabinets'
import { personName, type PersonNameRow } from '../../db/repositories/persons'
import { appendAudit, recordAudit } from '../core/audit'
import type { ServiceContext } from '../core/context'
import { insertRecorded } from '../core/outbox'
import { requireOrganisation } from '../core/organisation'
import { maskedPassport, personByPassport } from './passports'
import { decoyHash, verifyPassword } from '../clerks/passwords'

export async function today(ctx: ServiceContext): Promise<string> {
  return businessDate(ctx.clock.now(), (await requireOrganisation(ctx)).time_zone)
}

export async function requireOpenAccount(
  ctx: ServiceContext,
  accountId: string,
): Promise<{ id: string; number: string }> {
  const account = await findAccount(ctx.db, accountId)
  if (!account) throw new OknoError('NOT_FOUND', 'Лицевой счёт не найден. Повторите поиск.')
  if (account.status !== 'open') {
    throw new OknoError(
      'CONFLICT',
      `Лицевой счёт ${account.number} закрыт: личный кабинет для него не подключается.`,
    )
  }
  return account
}

export async function cabinetState(ctx: ServiceContext, accountId: string): Promise<CabinetState> {
  if (!(await findAccount(ctx.db, accountId))) {
    throw new OknoError('NOT_FOUND', 'Лицевой счёт не найден. Повторите поиск.')
  }
  const [cabinet, failed] = await Promise.all([
    findCabinetByAccount(ctx.db, accountId),
    today(ctx).then((day) => failedChecksToday(ctx.db, accountId, day)),
  ])
  const reset = {
    blocked: failed >= MAX_FAILED_IDENTITY_CHECKS,
    failedToday: failed,
    attemptsLeft: Math.max(0, MAX_FAILED_IDENTITY_CHECKS - failed),
  }
  if (!cabinet) {
    return {
      accountId,
      status: 'none',
      cabinetId: null,
      login: null,
      email: null,
      phone: null,
      holderId: null,
      holderName: null,
      passportMasked: null,
      accountNumbers: [],
      createdAt: null,
      passwordChangedAt: null,
      notifications: { email: false, sms: false },
      reset,
    }
  }
  const holder = (await personName(ctx.db.knex, cabinet.person_id)) as PersonNameRow
  const [numbers, channels, masked] = await Promise.all([
    cabinetAccountNumbers(ctx.db, cabinet.id),
    notificationChannels(ctx.db, cabinet.person_id),
    maskedPassport(ctx, cabinet.person_id),
  ])
  return {
    accountId,
    status: cabinet.status === 'blocked' ? 'blocked' : cabinet.must_change ? 'must_change' : 'active',
    cabinetId: cabinet.id,
    login: cabinet.login,
    email: cabinet.email,
    phone: cabinet.phone,
    holderId: cabinet.person_id,
    holderName: [holder.surname, holder.first_name, holder.patronymic].filter(Boolean).join(' '),
    passportMasked: masked,
    accountNumbers: numbers,
    createdAt: cabinet.created_at,
    passwordChangedAt: cabinet.password_changed_at,
    notifications: { email: channels.includes('email'), sms: channels.includes('sms') },
    reset,
  }
}

/** Adds another account of the cabinet holder (found by passport) to their cabinet. */
export async function attachAccount(
  ctx: ServiceContext,
  clerkId: string,
  input: { accountId: string; seriesNumber: string },
): Promise<CabinetState> {
  const account = await requireOpenAccount(ctx, input.accountId)
  const parsed = parseSeriesNumber(input.seriesNumber)
  if (!parsed) {
    throw new OknoError('VALIDATION', 'Проверьте серию и номер паспорта.', {
      seriesNumber: 'Серия — 4 цифры, номер — 6 цифр, например 45 06 123456',
    })
  }
  if (await findCabinetByAccount(ctx.db, account.id)) {
    throw new OknoError('CONFLICT', `Счёт ${account.number} уже подключён к личному кабинету.`)
  }
  const personId = await personByPassport(ctx, parsed.series, parsed.number)
  const cabinet = personId ? await findCabinetByPerson(ctx.db, personId) : undefined
  if (!personId || !cabinet) {
    throw new OknoError(
      'IDENTITY_MISMATCH',
      'Среди владельцев личных кабинетов нет человека с таким паспортом. Проверьте номер или зарегистрируйте новый кабинет.',
      { seriesNumber: 'Не найден среди владельцев кабинетов' },
    )
  }
  const people = await accountPersonRows(ctx.db, account.id)
  if (!people.some((p) => p.person_id === personId)) {
    throw new OknoError(
      'IDENTITY_MISMATCH',
      `Владелец кабинета не указан среди собственников и зарегистрированных по счёту ${account.number}: подключить этот счёт к его кабинету нельзя.`,
    )
  }
  try {
    await ctx.db.knex.transaction(async (trx) => {
      const row = {
        id: ctx.newId(),
        cabinet_id: cabinet.id,
        account_id: account.id,
        attached_at: ctx.clock.now().toISOString(),
        attached_by: clerkId,
      }
      await insertRecorded(ctx, trx, 'cabinet_accounts', [row])
      await appendAudit(ctx, trx, {
        action: 'cabinet.attach_account',
        clerkId,
        objectType: 'cabinet',
        objectId: cabinet.id,
        details: { login: cabinet.login, account: account.number },
      })
    })
  } catch (err) {
    if (isUniqueViolation(err))
      throw new OknoError('CONFLICT', `Счёт ${account.number} уже подключён к личному кабинету.`)
    throw err
  }
  return cabinetState(ctx, account.id)
}

/** A supervisor lifts today's block on password resets for the account. */
export async function unblockReset(
  ctx: ServiceContext,
  supervisorId: string,
  input: { accountId: string; reason: string },
): Promise<CabinetState> {
  if (!(await findAccount(ctx.db, input.accountId))) {
    throw new OknoError('NOT_FOUND', 'Лицевой счёт не найден. Повторите поиск.')
  }
  const day = await today(ctx)
  await ctx.db.knex.transaction(async (trx) => {
    // An unblock where nothing is blocked would only put a false entry in the log.
    if ((await failedChecksToday(trx, input.accountId, day)) < MAX_FAILED_IDENTITY_CHECKS) {
      throw new OknoError('CONFLICT', 'Сброс пароля по этому счёту не заблокирован: снимать нечего.')
    }
    const row = {
      id: ctx.newId(),
      account_id: input.accountId,
      business_date: day,
      at: ctx.clock.now().toISOString(),
      clerk_id: supervisorId,
      reason: input.reason,
    }
    await insertRecorded(ctx, trx, 'reset_unblocks', [row])
    await appendAudit(ctx, trx, {
      action: 'cabinet.reset_unblocked',
      clerkId: supervisorId,
      objectType: 'account',
      objectId: input.accountId,
      details: { reason: input.reason },
    })
  })
  return cabinetState(ctx, input.accountId)
}

/**
 * What the online cabinet calls when a customer signs in: the login is the account number or the
 * e-mail. Unknown logins take as long as wrong passwords.
 */
export async function verifyCabinetLogin(
  ctx: ServiceContext,
  login: string,
  password: string,
): Promise<CabinetLoginResult> {
  const cabinet = await findCabinetByLogin(ctx.db, login.trim().toLowerCase())
  if (!cabinet) {
    await verifyPassword(password, await decoyHash())
    return { ok: false, reason: 'unknown' }
  }
  if (cabinet.status === 'blocked') return { ok: false, reason: 'blocked' }
  if (!(await verifyPassword(password, cabinet.password_hash))) {
    await recordAudit(ctx, {
      action: 'cabinet.sign_in_failed',
      clerkId: null,
      objectType: 'cabinet',
      objectId: cabinet.id,
    })
    return { ok: false, reason: 'wrong_password' }
  }
  return {
    ok: true,
    cabinetId: cabinet.id,
    mustChange: Boolean(cabinet.must_change),
    accountNumbers: await cabinetAccountNumbers(ctx.db, cabinet.id),
  }
}
