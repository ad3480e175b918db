// More of what a correct desk pushes, all accepted: sign-in events recorded before anyone is
// signed in (and a failed one naming the clerk whose login was tried), a meter replaced while
// taking readings, failed identity checks and a supervisor lifting the reset block, an account
// attached to a cabinet, and a visit marked as a no-show.
import { expect, it } from 'vitest'
import { bookAppointment, markAppointment } from '../../../src/main/services/appointments/booking'
import { postReadings, readingsForm } from '../../../src/main/services/billing/readings'
import { attachAccount, unblockReset } from '../../../src/main/services/cabinet/cabinets'
import { registerCabinet } from '../../../src/main/services/cabinet/issue'
import { resetCabinetPassword } from '../../../src/main/services/cabinet/reset'
import { signIn, signOut, type Session } from '../../../src/main/services/clerks/sessions'
import type { ClerkInfo } from '../../../src/shared/domain/clerk'
import { booking, testOffice } from '../../helpers/appointments'
import { byService, freshMeteredAccount } from '../../helpers/billing'
import {
  clerkOf,
  freshHolder,
  refusal,
  registerInput,
  secondAccountOf,
  validPassportFor,
} from '../../helpers/cabinet'
import type { Desk, Office } from '../../helpers/sync'
import { actAs, applyUnchecked, describeOffice, pushChecked, sessionOf, useOffice } from './support'

describeOffice('write policy: more of what a correct desk pushes is accepted', () => {
  let office: Office
  let desk: Desk
  let operator: Awaited<ReturnType<typeof clerkOf>>
  let supervisor: ClerkInfo
  let appointmentOffice: string

  useOffice([11], {
    setUp: async (server) => {
      operator = await clerkOf(server.server, 'operator')
      supervisor = (await clerkOf(server.server, 'supervisor')).info
      appointmentOffice = await testOffice(server.server, 1)
    },
    ready: (suite) => {
      office = suite.office
      desk = suite.desks[0] as Desk
    },
  })

  const kinds = (changes: ReadonlyArray<{ entity: string; op: string }>): string[] =>
    changes.map((c) => `${c.entity}.${c.op}`)

  it('a wrong password, a sign-in and a sign-out, recorded before and after anyone is signed in', async () => {
    desk.ctx.actorId = null
    const session: Session = { clerk: null, locked: false, lastActivityMs: 0 }
    await refusal(signIn(desk.ctx, session, operator.credentials.login, 'не тот пароль'))
    await signIn(desk.ctx, session, operator.credentials.login, operator.credentials.password)
    actAs(desk, operator.info)
    await signOut(desk.ctx, session)
    const pushed = await pushChecked(office, desk, sessionOf(operator.info))
    expect(pushed.map((c) => [JSON.parse(c.payload).action, c.clerkId ?? null])).toEqual([
      ['session.sign_in_failed', null],
      ['session.sign_in', null],
      ['session.sign_out', operator.info.id],
    ])
  })

  it('a meter replaced while taking readings: the new meter, the old one replaced, the start reading', async () => {
    actAs(desk, operator.info)
    const accountId = await freshMeteredAccount(desk.db, { twoZone: false })
    const electricity = byService((await readingsForm(desk.ctx, accountId)).meters, 'electricity', 1)
    await postReadings(desk.ctx, operator.info, {
      accountId,
      takenOn: '2026-11-22',
      source: 'office',
      entries: [
        {
          meterId: electricity.meterId,
          values: ['45'],
          replacement: {
            serial: 'NEW-0001',
            digitCapacity: 6,
            fractionDigits: 0,
            installedOn: '2026-11-10',
            nextVerificationOn: '2042-11-10',
            startValues: ['3'],
          },
        },
      ],
    })
    const pushed = await pushChecked(office, desk, sessionOf(operator.info))
    expect(kinds(pushed)).toEqual(
      expect.arrayContaining(['meters.insert', 'meters.update', 'readings.insert', 'audit_log.insert']),
    )
  })

  it("failed identity checks, the supervisor's unblock, and another account attached to the cabinet", async () => {
    actAs(desk, operator.info)
    const holder = await freshHolder(desk.db)
    const input = registerInput(holder)
    await registerCabinet(desk.ctx, operator.info, input)
    await applyUnchecked(office, desk) // the server's registration operation
    const wrong = { kind: 'stored' as const, seriesNumber: validPassportFor(holder).seriesNumber }
    for (let i = 0; i < 3; i++) {
      await refusal(
        resetCabinetPassword(desk.ctx, operator.info, { accountId: holder.accountId, identity: wrong }),
      )
    }
    actAs(desk, supervisor)
    await unblockReset(desk.ctx, supervisor.id, {
      accountId: holder.accountId,
      reason: 'Клиент с паспортом у окна',
    })
    actAs(desk, operator.info)
    const other = await secondAccountOf(desk.db, holder)
    await attachAccount(desk.ctx, operator.info.id, {
      accountId: other.accountId,
      seriesNumber: input.passport.seriesNumber,
    })
    const pushed = await pushChecked(office, desk, sessionOf(operator.info, supervisor))
    expect(kinds(pushed)).toEqual(
      expect.arrayContaining(['identity_checks.insert', 'reset_unblocks.insert', 'cabinet_accounts.insert']),
    )
  })

  it('a visit marked as a no-show, freeing its seat', async () => {
    actAs(desk, operator.info)
    const visit = await bookAppointment(
      desk.ctx,
      operator.info,
      booking(appointmentOffice, { time: '10:00' }),
    )
    await applyUnchecked(office, desk) // the server's booking operation
    desk.clock.set('2026-11-23T08:00:00.000Z')
    await markAppointment(desk.ctx, operator.info, visit.appointment.id, 'no_show')
    const pushed = await pushChecked(office, desk, sessionOf(operator.info))
    expect(kinds(pushed)).toEqual(expect.arrayContaining(['appointment_seats.delete', 'appointments.update']))
  })
})
