// Input shapes of the cash-desk channels. Sums arrive as the clerk typed them and are read by
// src/shared/money.ts in main, so one set of Russian messages serves the form and the server.
import { z } from 'zod'
import { freeText } from '../../text/free-text'
import { CASH_IN_REASONS, CASH_OUT_REASONS } from '../../domain/cash'
import { DENOMINATIONS } from '../../cash/shift-math'
import { contractPeriod } from './dates'

const id = z.uuid({ message: 'Ожидался идентификатор записи' })
const amountText = (label: string) =>
  z.string({ message: `${label}: введите сумму` }).max(40, `${label}: слишком длинная запись суммы`)
const supervisor = z
  .object({
    login: z.string().trim().min(1, 'Введите логин старшего').max(64),
    password: z.string().min(1, 'Введите пароль старшего').max(256),
  })
  .strict()
  .optional()
const idempotencyKey = z.uuid({ message: 'Форма устарела: откройте её заново' })

export const shiftOpenSchema = z.object({ float: amountText('Размен на начало смены') }).strict()

const reasons = [...Object.keys(CASH_IN_REASONS), ...Object.keys(CASH_OUT_REASONS)] as [string, ...string[]]
export const cashMoveSchema = z
  .object({
    kind: z.enum(['cash_in', 'cash_out'], { message: 'Выберите: внесение или изъятие' }),
    amount: amountText('Сумма'),
    reason: z.enum(reasons, { message: 'Выберите основание из списка' }),
    comment: freeText({ max: 300, tooLong: 'Комментарий не длиннее 300 символов' }).default(''),
  })
  .strict()

const DENOMINATION_KEYS = new Set(DENOMINATIONS.map(String))
export const shiftCloseSchema = z
  .object({
    counted: amountText('Пересчитано'),
    // Only the denominations counted: one left out is none of it, not a wrong count.
    pieces: z
      .record(
        z.string(),
        z
          .number({ message: 'Количество купюр и монет — целое число' })
          .int('Количество купюр и монет — целое число')
          .min(0, 'Количество не может быть отрицательным')
          .max(100_000, 'Количество: не больше 100 000'),
      )
      .superRefine((pieces, ctx) => {
        for (const key of Object.keys(pieces)) {
          if (!DENOMINATION_KEYS.has(key))
            ctx.addIssue({ code: 'custom', path: [key], message: 'Неизвестный номинал' })
        }
      })
      .optional(),
    supervisor,
  })
  .strict()

export const shiftIdSchema = z.object({ shiftId: id }).strict()
export const paymentIdSchema = z.object({ paymentId: id }).strict()
export const paymentDraftSchema = z.object({ accountId: id }).strict()

export const paymentPostSchema = z
  .object({
    idempotencyKey,
    accountId: id,
    amount: amountText('Сумма'),
    tendered: amountText('Получено'),
    allocations: z
      .array(
        z
          .object({
            serviceId: id,
            amountKopecks: z.number({ message: 'Сумма по услуге — в копейках' }).int().min(0).max(99_999_999),
          })
          .strict(),
      )
      .min(1, 'Распределите платёж по услугам')
      .max(30),
    payerName: freeText({ max: 200, tooLong: 'Плательщик: не длиннее 200 символов' }).default(''),
    period: contractPeriod('Месяц').nullable().default(null),
    supervisor,
  })
  .strict()

export const paymentReverseSchema = z
  .object({
    idempotencyKey,
    paymentId: id,
    reason: freeText({
      notText: 'Укажите причину возврата',
      min: 5,
      tooShort: 'Причина возврата: не короче 5 символов',
      max: 300,
      tooLong: 'Причина возврата: не длиннее 300 символов',
    }),
    supervisor,
  })
  .strict()

export type ShiftOpenInput = z.infer<typeof shiftOpenSchema>
export type CashMoveInput = z.infer<typeof cashMoveSchema>
export type ShiftCloseInput = z.infer<typeof shiftCloseSchema>
export type PaymentPostInput = z.infer<typeof paymentPostSchema>
export type PaymentReverseInput = z.infer<typeof paymentReverseSchema>
