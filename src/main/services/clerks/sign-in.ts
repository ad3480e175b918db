// Clerk authentication: password check, five wrong passwords lock the login for 15 minutes,
// every failure and lock audited — by the clerk's id, never the text typed as a login (it may be
// a password typed into the wrong field). A login without an active clerk is answered exactly as
// a real one: the same messages, count-down, lock and scrypt work.
import type { ClerkInfo } from '../../../shared/domain/clerk'
import { OknoError } from '../../../shared/ipc/envelope'
import {
  findClerkById,
  findClerkByLogin,
  setClerkAttempts,
  toClerkInfo,
  type ClerkRow,
} from '../../db/repositories/clerks'
import { findOrganisation } from '../../db/repositories/organisation'
import { DEFAULT_TIME_ZONE } from '../../../shared/dates'
import { formatTimeRu } from '../../../shared/zoned-format'
import { appendAudit, recordAudit } from '../core/audit'
import { strikesOf } from './login-strikes'
import type { ServiceContext } from '../core/context'
import { decoyHash, verifyPassword } from './passwords'

export const MAX_FAILED_ATTEMPTS = 5
export const LOGIN_LOCK_MINUTES = 15

const BAD_CREDENTIALS = 'Неверный логин или пароль. Проверьте раскладку клавиатуры и Caps Lock.'

async function timeOfDay(ctx: ServiceContext, iso: string): Promise<string> {
  const timeZone = (await findOrganisation(ctx.db))?.time_zone ?? DEFAULT_TIME_ZONE
  return formatTimeRu(iso, timeZone)
}

async function lockedError(ctx: ServiceContext, lockedUntil: string): Promise<OknoError> {
  return new OknoError(
    'LOGIN_LOCKED',
    `Вход заблокирован до ${await timeOfDay(ctx, lockedUntil)} после ${MAX_FAILED_ATTEMPTS} неверных паролей. ` +
      'Подождите или обратитесь к администратору.',
  )
}

/**
 * Checks `password` for the clerk `row` under the lockout rule. `context` names the act in the
 * audit log (sign-in or unlocking the screen).
 */
async function checkPassword(
  ctx: ServiceContext,
  row: ClerkRow,
  password: string,
  context: 'sign_in' | 'unlock',
): Promise<ClerkInfo> {
  const now = ctx.clock.now()
  if (row.locked_until && row.locked_until > now.toISOString()) {
    await recordAudit(ctx, {
      action: `session.${context}_refused`,
      clerkId: row.id,
      objectType: 'clerk',
      objectId: row.id,
      details: { reason: 'login_locked', lockedUntil: row.locked_until },
    })
    throw await lockedError(ctx, row.locked_until)
  }
  if (await verifyPassword(password, row.password_hash)) {
    if (row.failed_attempts > 0 || row.locked_until) {
      await ctx.db.knex.transaction((trx) => setClerkAttempts(trx, row.id, 0, null, now.toISOString()))
    }
    return toClerkInfo(row)
  }
  const outcome = await ctx.db.knex.transaction(async (trx) => {
    // Re-read inside the write transaction: another window may have failed at the same time.
    const fresh = (await findClerkById(trx, row.id)) as ClerkRow
    const failed = fresh.failed_attempts + 1
    const lock = failed >= MAX_FAILED_ATTEMPTS
    const lockedUntil = lock ? new Date(now.getTime() + LOGIN_LOCK_MINUTES * 60_000).toISOString() : null
    await setClerkAttempts(trx, row.id, lock ? 0 : failed, lockedUntil, now.toISOString())
    await appendAudit(ctx, trx, {
      action: `session.${context}_failed`,
      clerkId: row.id,
      objectType: 'clerk',
      objectId: row.id,
      details: { attempt: failed },
    })
    if (lock) {
      await appendAudit(ctx, trx, {
        action: 'clerk.login_locked',
        clerkId: row.id,
        objectType: 'clerk',
        objectId: row.id,
        details: { until: lockedUntil, minutes: LOGIN_LOCK_MINUTES },
      })
    }
    return { failed, lockedUntil }
  })
  throw await failedError(ctx, outcome.failed, outcome.lockedUntil)
}

/** The answer to the `failed`-th wrong password in a row: the count-down, or the lock it caused. */
async function failedError(
  ctx: ServiceContext,
  failed: number,
  lockedUntil: string | null,
): Promise<OknoError> {
  if (lockedUntil) return lockedError(ctx, lockedUntil)
  const left = MAX_FAILED_ATTEMPTS - failed
  return new OknoError(
    'BAD_CREDENTIALS',
    left <= 2 ? `${BAD_CREDENTIALS} Осталось попыток до блокировки: ${left}.` : BAD_CREDENTIALS,
  )
}

/**
 * A login with no active clerk, refused the way `checkPassword` refuses a wrong password: the
 * attempts are counted in memory instead of the clerk's row. An inactive clerk is audited by id;
 * an unknown login is audited without what was typed.
 */
async function refuseWithoutClerk(
  ctx: ServiceContext,
  login: string,
  password: string,
  inactive: ClerkRow | undefined,
): Promise<never> {
  const strikes = strikesOf(ctx.settings)
  const now = ctx.clock.now()
  const who = { clerkId: inactive?.id ?? null, objectType: 'clerk', objectId: inactive?.id }
  const reason = inactive ? 'inactive' : 'unknown_login'
  const before = strikes.get(login)
  if (before.lockedUntil && before.lockedUntil > now.toISOString()) {
    await recordAudit(ctx, {
      action: 'session.sign_in_refused',
      ...who,
      details: { reason: 'login_locked', lockedUntil: before.lockedUntil, clerk: reason },
    })
    throw await lockedError(ctx, before.lockedUntil)
  }
  await verifyPassword(password, await decoyHash())
  // Read again after scrypt: another window may have failed at the same time.
  const failed = strikes.get(login).failed + 1
  const lock = failed >= MAX_FAILED_ATTEMPTS
  const lockedUntil = lock ? new Date(now.getTime() + LOGIN_LOCK_MINUTES * 60_000).toISOString() : null
  strikes.set(login, { failed: lock ? 0 : failed, lockedUntil })
  await recordAudit(ctx, { action: 'session.sign_in_failed', ...who, details: { reason, attempt: failed } })
  throw await failedError(ctx, failed, lockedUntil)
}

export async function authenticate(ctx: ServiceContext, login: string, password: string): Promise<ClerkInfo> {
  const row = await findClerkByLogin(ctx.db, login)
  if (!row || !row.active) return refuseWithoutClerk(ctx, login, password, row)
  return checkPassword(ctx, row, password, 'sign_in')
}

/** The signed-in clerk proves it is still them (unlocking the screen). */
export async function reauthenticate(
  ctx: ServiceContext,
  clerkId: string,
  password: string,
): Promise<ClerkInfo> {
  const row = await findClerkById(ctx.db, clerkId)
  if (!row || !row.active) throw new OknoError('UNAUTHENTICATED', 'Учётная запись отключена. Войдите заново.')
  return checkPassword(ctx, row, password, 'unlock')
}
