// The administrator's side of reception appointments (issue 6 item 1): an office's weekly plan,
// the production calendar per year (edited, or imported from pasted text), an office's own closed
// days, and the topics. Every change is audited and queued for the office server in its own
// transaction, and refused — with nothing saved — when it would strand customers already booked.
import {
  calendarDayProblem,
  durationProblem,
  parseCalendarText,
} from '../../../shared/appointments/admin-rules'
import type { CalendarKind } from '../../../shared/appointments/slots'
import { businessDate, formatDateRu } from '../../../shared/dates'
import type { AppointmentTopic } from '../../../shared/domain/appointment'
import type {
  CalendarDay,
  CalendarYear,
  OfficeSchedule,
  WeekdayPlan,
} from '../../../shared/domain/appointment-admin'
import { OknoError } from '../../../shared/ipc/envelope'
import type {
  CalendarImportInput,
  CalendarSaveInput,
  ClosureSaveInput,
  ScheduleSaveInput,
  TopicSaveInput,
} from '../../../shared/ipc/schemas/appointment-admin'
import { calendarDaysOfYear, replaceCalendarYear } from '../../db/repositories/calendar'
import {
  deleteClosure,
  findClosure,
  insertClosure,
  officeWeekByDay,
  replaceOfficeWeek,
  type ScheduleRow,
} from '../../db/repositories/schedules'
import { allTopics, appointmentRules, nextTopicSort, updateTopic } from '../../db/repositories/topics'
import { appendAudit } from '../core/audit'
import type { ServiceContext } from '../core/context'
import { enqueueOutboxMany, insertRecorded, type OutboxEntry } from '../core/outbox'
import { requireOrganisation } from '../core/organisation'
import { loadOfficeCalendar, requireOffice } from './office-calendar'
import { refuseStrandedAppointments } from './schedule-conflicts'

/** A day off as the form shows it: the usual hours filled in, ready to be switched on. */
const DAY_OFF: Omit<WeekdayPlan, 'weekday'> = {
  working: false,
  opens: '08:00',
  closes: '17:00',
  breakFrom: '12:00',
  breakTo: '12:45',
  capacity: 1,
}

/** Past any date a closure can have. */
const LAST_DATE = '9999-12-31'

async function today(ctx: ServiceContext): Promise<string> {
  const org = await requireOrganisation(ctx)
  return businessDate(ctx.clock.now(), org.time_zone)
}

/** The office (refused when unknown) and the organisation's business date. */
function officeAndToday(ctx: ServiceContext, officeId: string): Promise<[{ name: string }, string]> {
  return Promise.all([requireOffice(ctx.db, officeId), today(ctx)])
}

const scheduleKey = (r: { office_id: string; weekday: number }): string => `${r.office_id}|${r.weekday}`
const closureKey = (r: { office_id: string; date: string }): string => `${r.office_id}|${r.date}`

/** Outbox entries that delete `before` and insert `after` (rows keyed by `key`). */
function replaced<T extends object>(
  entity: string,
  key: (row: T) => string,
  before: readonly T[],
  after: readonly T[],
): OutboxEntry[] {
  const entry = (op: 'insert' | 'delete', row: T): OutboxEntry => ({
    entity,
    entityId: key(row),
    op,
    payload: { ...row } as Record<string, unknown>,
  })
  return [...before.map((row) => entry('delete', row)), ...after.map((row) => entry('insert', row))]
}

export async function officeSchedule(ctx: ServiceContext, officeId: string): Promise<OfficeSchedule> {
  const knex = ctx.db.knex
  const [office, from] = await officeAndToday(ctx, officeId)
  const [rules, calendar] = await Promise.all([
    appointmentRules(knex),
    loadOfficeCalendar(knex, officeId, from, LAST_DATE),
  ])
  return {
    officeId,
    officeName: office.name,
    days: [1, 2, 3, 4, 5, 6, 7].map((weekday) => {
      const plan = calendar.week.get(weekday)
      return plan ? { weekday, working: true, ...plan } : { weekday, ...DAY_OFF }
    }),
    closures: [...calendar.closureReasons]
      .map(([date, reason]) => ({ date, reason }))
      .sort((a, b) => (a.date < b.date ? -1 : 1)),
    stepMinutes: rules.slotMinutes,
    today: from,
  }
}

export async function saveOfficeSchedule(
  ctx: ServiceContext,
  clerkId: string,
  input: ScheduleSaveInput,
): Promise<OfficeSchedule> {
  const [, from] = await officeAndToday(ctx, input.officeId)
  const after: ScheduleRow[] = input.days
    .filter((d) => d.working)
    .map((d) => ({
      office_id: input.officeId,
      weekday: d.weekday,
      opens: d.opens,
      closes: d.closes,
      break_from: d.breakFrom,
      break_to: d.breakTo,
      capacity: d.capacity,
    }))
  await ctx.db.knex.transaction(async (trx) => {
    await refuseStrandedAppointments(trx, {
      from,
      officeId: input.officeId,
      week: new Map(
        input.days.filter((d) => d.working).map(({ weekday, working: _, ...plan }) => [weekday, plan]),
      ),
    })
    const before = await officeWeekByDay(trx, input.officeId)
    await replaceOfficeWeek(trx, input.officeId, after)
    await enqueueOutboxMany(ctx, trx, replaced('office_schedules', scheduleKey, before, after))
    await appendAudit(ctx, trx, {
      action: 'appointments.schedule.save',
      clerkId,
      objectType: 'office',
      objectId: input.officeId,
      details: {
        before: before.map(({ office_id: _, ...r }) => r),
        after: after.map(({ office_id: _, ...r }) => r),
      },
    })
  })
  return officeSchedule(ctx, input.officeId)
}

export async function saveClosure(
  ctx: ServiceContext,
  clerkId: string,
  input: ClosureSaveInput,
): Promise<OfficeSchedule> {
  const [, from] = await officeAndToday(ctx, input.officeId)
  if (input.date < from) {
    throw new OknoError(
      'VALIDATION',
      'Эта дата уже прошла: закрыть или открыть можно только сегодня и будущие дни.',
      {
        date: 'Дата уже прошла',
      },
    )
  }
  await ctx.db.knex.transaction(async (trx) => {
    const existing = await findClosure(trx, input.officeId, input.date)
    if (input.action === 'add') {
      if (existing) {
        throw new OknoError(
          'CONFLICT',
          `${formatDateRu(input.date)} отделение уже закрыто: «${existing.reason}».`,
          { date: 'Этот день уже закрыт' },
        )
      }
      await refuseStrandedAppointments(trx, { from, officeId: input.officeId, closure: input.date })
      const row = { office_id: input.officeId, date: input.date, reason: input.reason }
      await insertClosure(trx, row)
      await enqueueOutboxMany(ctx, trx, replaced('office_closures', closureKey, [], [row]))
    } else {
      if (!existing) {
        throw new OknoError('NOT_FOUND', `${formatDateRu(input.date)} отделение не закрыто: снимать нечего.`)
      }
      await deleteClosure(trx, input.officeId, input.date)
      await enqueueOutboxMany(ctx, trx, replaced('office_closures', closureKey, [existing], []))
    }
    await appendAudit(ctx, trx, {
      action: input.action === 'add' ? 'appointments.closure.add' : 'appointments.closure.remove',
      clerkId,
      objectType: 'office',
      objectId: input.officeId,
      details: {
        date: input.date,
        reason: input.action === 'add' ? input.reason : (existing?.reason ?? null),
      },
    })
  })
  return officeSchedule(ctx, input.officeId)
}

export async function listCalendar(ctx: ServiceContext, year: number): Promise<CalendarYear> {
  return { year, days: await calendarDaysOfYear(ctx.db.knex, year) }
}

/** Replaces the year's entries with `days` (checked, sorted, each date once). */
async function replaceCalendar(
  ctx: ServiceContext,
  clerkId: string,
  year: number,
  days: CalendarDay[],
  action: string,
): Promise<CalendarYear> {
  const from = await today(ctx)
  await ctx.db.knex.transaction(async (trx) => {
    await refuseStrandedAppointments(trx, {
      from,
      calendar: { year, days: new Map<string, CalendarKind>(days.map((d) => [d.date, d.kind])) },
    })
    const before = await calendarDaysOfYear(trx, year)
    await replaceCalendarYear(trx, year, days)
    const key = (d: CalendarDay): string => d.date
    await enqueueOutboxMany(ctx, trx, replaced('calendar_days', key, before, days))
    const tally = (list: CalendarDay[]): Record<CalendarKind, number> => ({
      holiday: list.filter((d) => d.kind === 'holiday').length,
      short: list.filter((d) => d.kind === 'short').length,
      workday: list.filter((d) => d.kind === 'workday').length,
    })
    await appendAudit(ctx, trx, {
      action,
      clerkId,
      objectType: 'calendar',
      objectId: String(year),
      details: { year, before: tally(before), after: tally(days) },
    })
  })
  return listCalendar(ctx, year)
}

export async function saveCalendar(
  ctx: ServiceContext,
  clerkId: string,
  input: CalendarSaveInput,
): Promise<CalendarYear> {
  const seen = new Set<string>()
  for (const day of input.days) {
    const problem =
      calendarDayProblem(day, input.year) ?? (seen.has(day.date) ? `дата ${day.date} указана дважды` : null)
    if (problem)
      throw new OknoError('VALIDATION', `Календарь на ${input.year} год: ${problem}.`, { days: problem })
    seen.add(day.date)
  }
  const days = [...input.days].sort((a, b) => (a.date < b.date ? -1 : 1))
  return replaceCalendar(ctx, clerkId, input.year, days, 'appointments.calendar.save')
}

export async function importCalendar(
  ctx: ServiceContext,
  clerkId: string,
  input: CalendarImportInput,
): Promise<CalendarYear> {
  const parsed = parseCalendarText(input.text, input.year)
  if (parsed.errors.length > 0) {
    const shown = parsed.errors.slice(0, 10).join('; ')
    const more = parsed.errors.length > 10 ? `; и ещё ${parsed.errors.length - 10}` : ''
    throw new OknoError(
      'VALIDATION',
      `Календарь не загружен, ничего не сохранено. ${shown}${more}. Исправьте строки и загрузите снова.`,
      { text: parsed.errors[0] as string },
    )
  }
  return replaceCalendar(ctx, clerkId, input.year, parsed.days, 'appointments.calendar.import')
}

export function listAllTopics(ctx: ServiceContext): Promise<AppointmentTopic[]> {
  return allTopics(ctx.db.knex)
}

export async function saveTopic(
  ctx: ServiceContext,
  clerkId: string,
  input: TopicSaveInput,
): Promise<AppointmentTopic[]> {
  const knex = ctx.db.knex
  const rules = await appointmentRules(knex)
  const durationError = durationProblem(input.durationMinutes, rules.slotMinutes)
  if (durationError) {
    throw new OknoError('VALIDATION', durationError, { durationMinutes: durationError })
  }
  await knex.transaction(async (trx) => {
    const all = await allTopics(trx)
    const before = input.id ? all.find((t) => t.id === input.id) : undefined
    if (input.id && !before) throw new OknoError('NOT_FOUND', 'Такой темы нет: обновите список.')
    const sameName = all.find((t) => t.id !== input.id && t.name.toLowerCase() === input.name.toLowerCase())
    if (sameName) {
      throw new OknoError('VALIDATION', `Тема «${sameName.name}» уже есть: выберите другое название.`, {
        name: 'Такая тема уже есть',
      })
    }
    if (!input.active && !all.some((t) => t.id !== input.id && t.active)) {
      throw new OknoError('VALIDATION', 'Должна остаться хотя бы одна действующая тема приёма.', {
        active: 'Последняя действующая тема',
      })
    }
    const id = before?.id ?? ctx.newId()
    const fields = {
      name: input.name,
      duration_minutes: input.durationMinutes,
      what_to_bring: input.whatToBring,
      active: input.active,
    }
    if (before) {
      await updateTopic(trx, before.id, fields)
      await enqueueOutboxMany(ctx, trx, [
        { entity: 'appointment_topics', entityId: before.id, op: 'update', payload: fields },
      ])
    } else {
      const sort = await nextTopicSort(trx)
      await insertRecorded(ctx, trx, 'appointment_topics', [
        { id, code: `topic_${id.slice(-12)}`, sort, ...fields },
      ])
    }
    await appendAudit(ctx, trx, {
      action: before ? 'appointments.topic.update' : 'appointments.topic.create',
      clerkId,
      objectType: 'appointment_topic',
      objectId: id,
      details: {
        before: before
          ? {
              name: before.name,
              durationMinutes: before.durationMinutes,
              whatToBring: before.whatToBring,
              active: before.active,
            }
          : null,
        after: {
          name: input.name,
          durationMinutes: input.durationMinutes,
          whatToBring: input.whatToBring,
          active: input.active,
        },
      },
    })
  })
  return allTopics(knex)
}
