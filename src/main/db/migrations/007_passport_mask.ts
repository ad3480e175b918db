// Passport masks stored before showed the series and the number's last three digits («45 06
// ***456»): seven of ten. They are rewritten to the current mask from the digits they kept.
import type { Knex } from 'knex'
import { maskPassport } from '../../../shared/passport'
import type { Migration } from './types'

export const passportMaskSchema: Migration = {
  name: '007_passport_mask',
  async up(knex: Knex) {
    const rows = (await knex('person_documents').select('id', 'masked')) as { id: string; masked: string }[]
    const changed = rows
      .map((r) => ({ id: r.id, masked: maskPassport({ series: '', number: r.masked.replace(/\D/g, '') }) }))
      .filter((r, i) => r.masked !== rows[i]?.masked)
    for (const r of changed) await knex('person_documents').where({ id: r.id }).update({ masked: r.masked })
  },
}
