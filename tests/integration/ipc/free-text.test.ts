// Free text reaches the database as the contract cleaned it: no direction overrides, zero-width
// or control characters, single spaces; a NUL is refused with a message and nothing is stored.
import { expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { booking, testOffice } from '../../helpers/appointments'
import { signedInCall } from '../../helpers/calls'
import { describeEachDatabase } from '../../helpers/database'
import { countAll } from '../../helpers/rows'

const DIRTY_NAME = '\ufeff Ковалёва\u202e\u200b  Светлана\u0007\u001b\tМаксимовна\u2066 '

describeEachDatabase('dispatch: free text is stored clean', (getCtx) => {
  it('stores a visitor name without invisible characters', async () => {
    const env = getCtx()
    const call = await signedInCall(env, 'operator')
    const officeId = await testOffice(env.db)
    const result = await dispatch('appointments:book', booking(officeId, { personName: DIRTY_NAME }), call)
    expect(result).toMatchObject({ ok: true })
    const { appointment } = (result as { ok: true; data: { appointment: { id: string } } }).data
    const row = (await env.db.knex('appointments').where({ id: appointment.id }).first('person_name')) as {
      person_name: string
    }
    expect(row.person_name).toBe('Ковалёва Светлана Максимовна')
  })

  it('stores a closure reason clean, and refuses one with NUL', async () => {
    const env = getCtx()
    const admin = await signedInCall(env, 'administrator')
    const officeId = await testOffice(env.db)
    const add = (reason: string) =>
      dispatch('schedules:saveClosure', { action: 'add', officeId, date: '2026-12-03', reason }, admin)
    const before = await countAll(env.db, ['office_closures', 'outbox', 'audit_log'])
    const refused = await add('Ремонт\u0000 помещения')
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { reason: expect.any(String) } },
    })
    expect((refused as { error: { message: string } }).error.message).toMatch(/нулевой символ/)
    expect(await countAll(env.db, ['office_closures', 'outbox', 'audit_log'])).toEqual(before)
    expect(await add('\u202eРемонт\u200d\r\nпомещения\u0085')).toMatchObject({ ok: true })
    const row = (await env.db.knex('office_closures').where({ office_id: officeId }).first('reason')) as {
      reason: string
    }
    expect(row.reason).toBe('Ремонт помещения')
  })
})
