// Appointment tests' own office: a weekly plan chosen by the test, so the demo's plans and
// bookings never meet the test's.
import { randomUUID } from 'node:crypto'
import type { Db } from '../../src/main/db/connection'
import type { BookInput } from '../../src/shared/ipc/schemas/appointment'

export const CONSULTATION = '00000000-0000-4000-8000-000000000001'
export const OPEN_ACCOUNT = '00000000-0000-4000-8000-000000000002'

let officeNo = 0

/** A new office receiving Mon–Fri 09:00–13:00 with a break 11:00–11:30 and `capacity` specialists. */
export async function testOffice(db: Db, capacity = 1): Promise<string> {
  const id = randomUUID()
  officeNo += 1
  await db.knex('offices').insert({
    id,
    code: `T${officeNo}${id.slice(0, 4)}`,
    name: `Тестовое отделение ${officeNo}`,
    address: 'ул. Тестовая, 1',
    phone: '+7 8692 00-00-00',
    created_at: new Date().toISOString(),
  })
  await db.knex('office_schedules').insert(
    [1, 2, 3, 4, 5].map((weekday) => ({
      office_id: id,
      weekday,
      opens: '09:00',
      closes: '13:00',
      break_from: '11:00',
      break_to: '11:30',
      capacity,
    })),
  )
  return id
}

let phoneNo = 0

/** A booking on Monday 23 November at 10:00 by a person with a phone no other booking has. */
export function booking(officeId: string, patch: Partial<BookInput> = {}): BookInput {
  phoneNo += 1
  return {
    officeId,
    topicId: CONSULTATION,
    date: '2026-11-23',
    time: '10:00',
    accountId: null,
    personName: 'Ковалёва Светлана Максимовна',
    phone: `+7 978 ${String(1_000_000 + phoneNo).slice(-7)}`,
    ...patch,
  }
}
