// A revoked desk enrolled again is a new desk (a new id and credential): the revoked row stays as
// the administrator left it, with its sessions and refusals. So a workstation may have several desk
// rows on the office server, but only one that is not revoked. PostgreSQL only, like server_desks.
import type { Knex } from 'knex'
import type { Migration } from './types'

export const deskReenrollmentSchema: Migration = {
  name: '010_desk_reenrollment',
  async up(knex: Knex) {
    if (knex.client.config.client !== 'pg') return
    await knex.schema.alterTable('server_desks', (t) => {
      t.dropUnique(['workstation_id'])
    })
    await knex.raw(
      'CREATE UNIQUE INDEX server_desks_active_workstation ON server_desks (workstation_id) WHERE revoked_at IS NULL',
    )
  },
}
