// Input shapes of the appointment administration and report channels. The plan's rules are the
// shared ones (appointments/admin-rules.ts); what needs the database (the grid step, appointments
// already booked) is judged in main.
import { z } from 'zod'
import { freeText } from '../../text/free-text'
import { planProblems, weekdayName, CALENDAR_NAME_MAX } from '../../appointments/admin-rules'
import { CALENDAR_KINDS } from '../../domain/appointment-admin'
import { contractDate as date } from './dates'

const officeId = z.uuid({ message: 'Выберите отделение из списка' })
const hhmm = z.string().trim().max(5, 'Время в виде ЧЧ:ММ')
const year = z
  .number({ message: 'Год: ожидалось число' })
  .int('Год: целое число')
  .min(2000, 'Год: от 2000 до 2100')
  .max(2100, 'Год: от 2000 до 2100')

const weekdayPlanSchema = z
  .object({
    weekday: z.number().int().min(1).max(7),
    working: z.boolean(),
    opens: hhmm,
    closes: hhmm,
    breakFrom: hhmm.nullable(),
    breakTo: hhmm.nullable(),
    // Judged with the rest of the day (a day off may carry any number).
    capacity: z.number({ message: 'Специалистов: ожидалось число' }),
  })
  .strict()
  .transform((d) => ({ ...d, breakFrom: d.breakFrom || null, breakTo: d.breakTo || null }))
  .superRefine((day, ctx) => {
    for (const [field, message] of Object.entries(planProblems(day))) {
      ctx.addIssue({ code: 'custom', path: [field], message: `${weekdayName(day.weekday)}: ${message}` })
    }
  })

export const scheduleGetSchema = z.object({ officeId }).strict()

export const scheduleSaveSchema = z
  .object({ officeId, days: z.array(weekdayPlanSchema).length(7, 'План: семь дней недели') })
  .strict()
  .refine(
    (s) => s.days.every((d, i) => d.weekday === i + 1),
    'План: дни недели по порядку, с понедельника по воскресенье',
  )

const calendarDaySchema = z
  .object({
    date: date('Дата'),
    kind: z.enum(CALENDAR_KINDS, { message: 'Вид дня: праздничный, сокращённый или рабочий' }),
    name: freeText({
      max: CALENDAR_NAME_MAX,
      tooLong: `Название: не длиннее ${CALENDAR_NAME_MAX} символов`,
    }).default(''),
  })
  .strict()

export const calendarListSchema = z.object({ year }).strict()
export const calendarSaveSchema = z
  .object({ year, days: z.array(calendarDaySchema).max(366, 'В году не больше 366 дней') })
  .strict()
export const calendarImportSchema = z
  .object({
    year,
    text: z.string().max(50_000, 'Текст календаря: не длиннее 50 000 символов'),
  })
  .strict()

const closureReason = freeText({
  notText: 'Укажите причину',
  min: 3,
  tooShort: 'Причина: не короче 3 символов',
  max: 200,
  tooLong: 'Причина: не длиннее 200 символов',
})

export const closureSaveSchema = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('add'), officeId, date: date('Дата'), reason: closureReason }).strict(),
    z.object({ action: z.literal('remove'), officeId, date: date('Дата') }).strict(),
  ],
  { message: 'Добавьте или снимите закрытие' },
)

export const topicSaveSchema = z
  .object({
    id: z.uuid({ message: 'Ожидался идентификатор темы' }).nullable(),
    name: freeText({
      notText: 'Введите название темы',
      min: 2,
      tooShort: 'Название темы: не короче 2 символов',
      max: 120,
      tooLong: 'Название темы: не длиннее 120 символов',
    }),
    durationMinutes: z
      .number({ message: 'Длительность: ожидалось число минут' })
      .int('Длительность: целое число минут'),
    whatToBring: freeText({ max: 500, tooLong: 'Что взять с собой: не длиннее 500 символов' }).default(''),
    active: z.boolean(),
  })
  .strict()

export const appointmentReportSchema = z
  .object({ from: date('С даты'), to: date('По дату'), officeId: officeId.optional() })
  .strict()

export type ScheduleSaveInput = z.infer<typeof scheduleSaveSchema>
export type CalendarSaveInput = z.infer<typeof calendarSaveSchema>
export type CalendarImportInput = z.infer<typeof calendarImportSchema>
export type ClosureSaveInput = z.infer<typeof closureSaveSchema>
export type TopicSaveInput = z.infer<typeof topicSaveSchema>
export type AppointmentReportInput = z.infer<typeof appointmentReportSchema>
