// Input shapes of the appointment channels; rules (plan, horizon, limits) are judged in main.
import { z } from 'zod'
import { freeText } from '../../text/free-text'
import { isTime } from '../../appointments/zoned-time'
import { contractDate as date } from './dates'

const id = z.uuid({ message: 'Ожидался идентификатор записи' })
const time = z
  .string({ message: 'Время: ожидалось ЧЧ:ММ' })
  .refine(isTime, 'Время в виде ЧЧ:ММ, например 10:30')
const officeId = z.uuid({ message: 'Выберите отделение из списка' })
const topicId = z.uuid({ message: 'Выберите тему приёма из списка' })

export const slotsQuerySchema = z
  .object({ officeId, topicId, from: date('С даты'), to: date('По дату') })
  .strict()

export const bookSchema = z
  .object({
    officeId,
    topicId,
    date: date('Дата'),
    time,
    accountId: id.nullable(),
    personName: freeText({
      notText: 'Введите фамилию, имя и отчество',
      min: 2,
      tooShort: 'Введите фамилию, имя и отчество',
      max: 200,
      tooLong: 'ФИО: не длиннее 200 символов',
    }),
    phone: z.string().trim().max(40, 'Телефон: не длиннее 40 символов').default(''),
  })
  .strict()

export const appointmentIdSchema = z.object({ appointmentId: id }).strict()
export const cancelSchema = z
  .object({
    appointmentId: id,
    reason: freeText({
      notText: 'Укажите причину отмены',
      min: 3,
      tooShort: 'Причина отмены: не короче 3 символов',
      max: 300,
      tooLong: 'Причина отмены: не длиннее 300 символов',
    }),
  })
  .strict()
export const rescheduleSchema = z.object({ appointmentId: id, date: date('Дата'), time }).strict()
export const markSchema = z
  .object({
    appointmentId: id,
    status: z.enum(['arrived', 'served', 'no_show'], { message: 'Отметка: пришёл, принят или не пришёл' }),
  })
  .strict()
export const dayBoardSchema = z.object({ officeId, date: date('Дата') }).strict()
export const weekSchema = z.object({ officeId, from: date('С даты') }).strict()
export const appointmentSearchSchema = z
  .object({ query: z.string().trim().min(2, 'Введите не меньше двух символов').max(200) })
  .strict()

export type BookInput = z.infer<typeof bookSchema>
export type SlotsQuery = z.infer<typeof slotsQuerySchema>
