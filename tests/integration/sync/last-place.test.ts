// The last place at a time, booked from two desks at once: booking is a direct operation on the
// office server, so exactly one desk gets it and the other is told the time is taken; after the
// exchange both desks show the one appointment.
import { expect, it } from 'vitest'
import { SLOT_TAKEN } from '../../../src/main/services/appointments/booking'
import type { AppointmentBooked } from '../../../src/shared/domain/appointment'
import type { ClerkInfo } from '../../../src/shared/domain/clerk'
import { OknoError } from '../../../src/shared/ipc/envelope'
import { booking, testOffice } from '../../helpers/appointments'
import { type Desk, type Office } from '../../helpers/sync'
import {
  describeOffice,
  ids,
  onServer,
  serverClerk,
  signInAt,
  syncAll,
  tableSnapshot,
  useOffice,
} from './support'

/**
 * A Monday one to two weeks after the real today: the okno-server runs on the real clock, so the
 * demo's fixed dates are in its past.
 */
const SLOT_DAY = ((): string => {
  const day = new Date(Date.now() + 7 * 86_400_000)
  day.setUTCDate(day.getUTCDate() + ((8 - day.getUTCDay()) % 7))
  return day.toISOString().slice(0, 10)
})()

describeOffice('office sync: two desks race for the last place', () => {
  let office: Office
  let officeId: string
  let a: Desk
  let b: Desk
  let clerkA: ClerkInfo
  let clerkB: ClerkInfo

  useOffice([1, 2], {
    setUp: async (server) => {
      officeId = await testOffice(server.server, 1)
      clerkA = await serverClerk(server)
      clerkB = await serverClerk(server)
    },
    ready: async (suite) => {
      ;({
        office,
        desks: [a, b],
      } = suite as unknown as { office: Office; desks: [Desk, Desk] })
      await signInAt(a, clerkA)
      await signInAt(b, clerkB)
    },
  })

  it('gives the place to exactly one desk; the other hears the time is taken; both then show it', async () => {
    for (const desk of [a, b]) expect(await ids(desk.db, 'offices', { id: officeId })).toEqual([officeId])
    const results = await Promise.allSettled([
      onServer(a, clerkA, 'appointments.book', booking(officeId, { date: SLOT_DAY })),
      onServer(b, clerkB, 'appointments.book', booking(officeId, { date: SLOT_DAY })),
    ])
    const won = results.filter(
      (r): r is PromiseFulfilledResult<AppointmentBooked> => r.status === 'fulfilled',
    )
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    expect(won).toHaveLength(1)
    expect(lost).toHaveLength(1)
    const err = lost[0]?.reason as unknown
    expect(err).toBeInstanceOf(OknoError)
    expect(err).toMatchObject({ code: 'CONFLICT', message: SLOT_TAKEN })
    expect(SLOT_TAKEN).toContain('уже занято')
    const appointment = won[0]?.value.appointment
    expect(appointment).toMatchObject({ date: SLOT_DAY, starts: '10:00', status: 'booked' })

    await syncAll(office, [a, b])
    const seats = (db: typeof a.db): Promise<Map<string, string>> =>
      tableSnapshot(
        db,
        'appointment_seats',
        ['office_id', 'date', 'time', 'seat'],
        ['appointment_id'],
        (q) => void q.where({ office_id: officeId }),
      )
    const serverSeats = await seats(office.server)
    expect([...serverSeats.values()]).toEqual([JSON.stringify([appointment?.id])])
    for (const desk of [a, b]) {
      expect(await ids(desk.db, 'appointments', { office_id: officeId })).toEqual([appointment?.id])
      expect(await seats(desk.db)).toEqual(serverSeats)
      // Made on the server: nothing of it waits in either desk's outbox.
      expect(await desk.db.knex('outbox').where({ entity: 'appointments' })).toEqual([])
    }
  })
})
