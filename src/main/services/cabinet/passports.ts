// Passports on file: stored sealed, found by HMAC, shown masked; a full view is an audited act.
import type { Knex } from 'knex'
import type { PassportView } from '../../../shared/domain/cabinet'
import { OknoError } from '../../../shared/ipc/envelope'
import { formatSeriesNumber, maskPassport } from '../../../shared/passport'
import { currentDocument, findDocumentByHmac, markDocumentReplaced } from '../../db/repositories/passports'
import type { PassportRecord } from '../../security/passport-vault'
import { appendAudit, recordAudit } from '../core/audit'
import type { ServiceContext } from '../core/context'
import { enqueueOutbox, insertRecorded } from '../core/outbox'

/**
 * Puts the passport on file for the person, replacing an older one of theirs. A number already on
 * file for someone else is refused: one passport, one person.
 */
export async function storePassport(
  ctx: ServiceContext,
  trx: Knex.Transaction,
  personId: string,
  record: PassportRecord,
  clerkId: string,
): Promise<string> {
  const hmac = ctx.vault.hmac(record.series, record.number)
  const masked = maskPassport(record)
  const now = ctx.clock.now().toISOString()
  const holder = await findDocumentByHmac(trx, hmac)
  if (holder && holder.person_id !== personId) {
    throw new OknoError(
      'CONFLICT',
      `Паспорт ${masked} уже записан за другим человеком. Проверьте серию и номер; если ошибки нет — обратитесь к старшему операционисту.`,
      { seriesNumber: 'Этот паспорт записан за другим человеком' },
    )
  }
  const current = await currentDocument(trx, personId)
  if (current) {
    await markDocumentReplaced(trx, current.id, now)
    await enqueueOutbox(ctx, trx, {
      entity: 'person_documents',
      entityId: current.id,
      op: 'update',
      payload: { replaced_at: now },
    })
  }
  const row = {
    id: ctx.newId(),
    person_id: personId,
    kind: 'passport_rf',
    number_hmac: hmac,
    masked,
    sealed: ctx.vault.seal(record),
    key_id: ctx.vault.keyId,
    created_at: now,
    created_by: clerkId,
  }
  await insertRecorded(ctx, trx, 'person_documents', [row])
  await appendAudit(ctx, trx, {
    action: current ? 'passport.replace' : 'passport.store',
    clerkId,
    objectType: 'person',
    objectId: personId,
    details: { masked },
  })
  return masked
}

/** The person whose current passport has this series and number, if any. */
export async function personByPassport(
  ctx: ServiceContext,
  series: string,
  number: string,
): Promise<string | null> {
  const doc = await findDocumentByHmac(ctx.db, ctx.vault.hmac(series, number))
  return doc?.person_id ?? null
}

export async function maskedPassport(ctx: ServiceContext, personId: string): Promise<string | null> {
  return (await currentDocument(ctx.db, personId))?.masked ?? null
}

/** The full passport, for a clerk who pressed «Показать»: every reveal is in the audit log. */
export async function revealPassport(
  ctx: ServiceContext,
  clerkId: string,
  personId: string,
): Promise<PassportView> {
  const doc = await currentDocument(ctx.db, personId)
  if (!doc) throw new OknoError('NOT_FOUND', 'Паспорт этого человека не записан.')
  const record = ctx.vault.open(doc.sealed, doc.key_id)
  await recordAudit(ctx, {
    action: 'passport.reveal',
    clerkId,
    objectType: 'person',
    objectId: personId,
    details: { masked: doc.masked },
  })
  return {
    personId,
    seriesNumber: formatSeriesNumber(record),
    issuedOn: record.issuedOn,
    issuedBy: record.issuedBy,
    departmentCode: record.departmentCode,
    birthDate: record.birthDate,
    holderName: [record.surname, record.firstName, record.patronymic].filter(Boolean).join(' '),
  }
}
