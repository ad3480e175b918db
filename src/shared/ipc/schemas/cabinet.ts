// Input shapes of the cabinet channels. Shapes and lengths only: the rules (passport validity,
// identity) are judged in main by the shared checks, which the forms also run as the clerk types.
import { z } from 'zod'
import { optionalEmailSchema, optionalPhoneSchema } from '../../contact'
import { passportFieldsSchema } from '../../passport'
import { personNameSchema } from '../../person-name'
import { freeText } from '../../text/free-text'

const id = z.uuid({ message: 'Ожидался идентификатор записи' })
const reason = freeText({
  min: 5,
  tooShort: 'Причина: не короче 5 символов',
  max: 500,
  tooLong: 'Причина: не длиннее 500 символов',
})

export const supervisorSchema = z
  .object({
    login: z.string().trim().min(1, 'Логин старшего операциониста').max(64),
    password: z.string().min(1, 'Пароль старшего операциониста').max(256),
  })
  .strict()

export const cabinetRegisterSchema = z
  .object({
    accountId: id,
    passport: passportFieldsSchema,
    holder: personNameSchema,
    addAsOwner: z
      .object({
        reason: reason,
      })
      .strict()
      .optional(),
    supervisor: supervisorSchema.optional(),
    loginKind: z.enum(['account', 'email'], { message: 'Логин: номер счёта или адрес почты' }),
    email: optionalEmailSchema,
    phone: optionalPhoneSchema,
    notify: z.object({ email: z.boolean(), sms: z.boolean() }).strict(),
  })
  .strict()

export const cabinetResetSchema = z
  .object({
    accountId: id,
    identity: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('stored'), seriesNumber: z.string().max(40) }).strict(),
      z
        .object({
          kind: z.literal('document'),
          passport: passportFieldsSchema,
          holder: personNameSchema,
          supervisor: supervisorSchema.optional(),
        })
        .strict(),
    ]),
  })
  .strict()

export const cabinetAttachSchema = z
  .object({ accountId: id, seriesNumber: z.string().max(40, 'Серия и номер — не длиннее 40 символов') })
  .strict()

export const cabinetUnblockSchema = z
  .object({
    accountId: id,
    reason: reason,
  })
  .strict()

export const accountIdSchema = z.object({ accountId: id }).strict()
export const personIdSchema = z.object({ personId: id }).strict()
