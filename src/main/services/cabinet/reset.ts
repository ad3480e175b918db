// A cabinet password reset at the counter, after an identity check against the stored passport
// (or, with none on file, against the holder's record and a supervisor's word). Failed checks are
// counted per account and day; enough of them block resets until a supervisor unblocks.
import type { Knex } from 'knex'
import { MAX_FAILED_IDENTITY_CHECKS, type CabinetIssued } from '../../../shared/domain/cabinet'
import type { ClerkInfo } from '../../../shared/domain/clerk'
import { OknoError } from '../../../shared/ipc/envelope'
import { parseSeriesNumber, type PassportFields } from '../../../shared/passport'
import type { PersonNameFields } from '../../../shared/person-name'
import {
  failedChecksToday,
  findCabinetByAccount,
  setCabinetPassword,
  type CabinetRow,
} from '../../db/repositories/cabinets'
import { currentDocument, type DocumentRow } from '../../db/repositories/passports'
import { personName, type PersonNameRow } from '../../db/repositories/persons'
import type { PassportRecord } from '../../security/passport-vault'
import { appendAudit } from '../core/audit'
import type { ServiceContext } from '../core/context'
import { enqueueOutbox, insertRecorded } from '../core/outbox'
import { confirmBySupervisor, type SupervisorCredentials } from '../clerks/supervisor'
import { hashPassword } from '../clerks/passwords'
import { requireOpenAccount, today } from './cabinets'
import { sameHolder } from './identity'
import { checkDocument, issueSlip } from './issue'
import { generateOneTimePassword } from './one-time-password'
import { storePassport } from './passports'

export type ResetIdentity =
  | { kind: 'stored'; seriesNumber: string }
  | {
      kind: 'document'
      passport: PassportFields
      holder: PersonNameFields
      supervisor?: SupervisorCredentials
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
