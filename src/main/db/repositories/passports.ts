// Passports on file (person_documents): the current one of a person, the one with a given number
// (by HMAC), and a passport replaced by a newer one.
import type { Knex } from 'knex'
import type { Db } from '../connection'

type Reader = Knex | Knex.Transaction
const reader = (db: Db | Knex.Transaction): Reader => ('knex' in db ? db.knex : db)

export interface DocumentRow {
  id: string
  person_id: string
  number_hmac: string
  masked: string
  sealed: string
  key_id: string
}

export async function currentDocument(
  db: Db | Knex.Transaction,
  personId: string,
): Promise<DocumentRow | undefined> {
  return (await reader(db)('person_documents')
    .where({ person_id: personId, kind: 'passport_rf' })
    .whereNull('replaced_at')
    .first()) as DocumentRow | undefined
}

export async function findDocumentByHmac(
  db: Db | Knex.Transaction,
  hmac: string,
): Promise<DocumentRow | undefined> {
  return (await reader(db)('person_documents')
    .where({ number_hmac: hmac, kind: 'passport_rf' })
    .whereNull('replaced_at')
    .first()) as DocumentRow | undefined
}

/** The passport is no longer the person's current one from `at`. */
export async function markDocumentReplaced(trx: Knex.Transaction, id: string, at: string): Promise<void> {
  await trx('person_documents').where({ id }).update({ replaced_at: at })
}
