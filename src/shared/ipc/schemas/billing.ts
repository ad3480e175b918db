// Input shapes of the readings and charges channels (shapes and lengths; the rules are judged
// in main by src/shared/billing and the readings service).
import { z } from 'zod'
import { freeText } from '../../text/free-text'
import { contractDate as isoDate, contractPeriod as period } from './dates'

const id = z.uuid({ message: 'Ожидался идентификатор записи' })
const value = z.string({ message: 'Показание: ожидалось число' }).max(32, 'Показание: слишком длинное число')

export const readingsInputSchema = z
  .object({
    accountId: id,
    takenOn: isoDate('Дата показаний'),
    source: z.enum(['office', 'phone', 'web'], { message: 'Источник: офис, телефон или сайт' }),
    entries: z
      .array(
        z
          .object({
            meterId: id,
            values: z.array(value).min(1).max(3),
            confirm: z
              .object({
                rollover: z.boolean().optional(),
                anomaly: z.boolean().optional(),
                replaceExisting: z.boolean().optional(),
              })
              .strict()
              .optional(),
            replacement: z
              .object({
                serial: freeText({
                  min: 1,
                  tooShort: 'Заводской номер нового прибора',
                  max: 40,
                  tooLong: 'Заводской номер: не длиннее 40 символов',
                }),
                digitCapacity: z.number().int().min(4).max(9),
                fractionDigits: z.number().int().min(0).max(3),
                installedOn: isoDate('Дата установки'),
                nextVerificationOn: isoDate('Дата следующей поверки'),
                startValues: z.array(value).min(1).max(3),
              })
              .strict()
              .optional(),
          })
          .strict(),
      )
      .min(1, 'Введите показания хотя бы одного прибора')
      .max(20),
  })
  .strict()

export const accountPeriodSchema = z.object({ accountId: id, period: period('Месяц') }).strict()
export const accountRangeSchema = z
  .object({ accountId: id, from: period('С месяца'), to: period('По месяц') })
  .strict()
export const accountAsOfSchema = z.object({ accountId: id, asOf: isoDate('Дата').optional() }).strict()
export const periodSchema = z.object({ period: period('Месяц') }).strict()
