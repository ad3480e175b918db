// Input shape of the payments report channels: one shift, or one business day (of one office, or
// of every office). Who may see what is judged in main (src/main/services/cash/reports.ts).
import { z } from 'zod'
import { contractDate } from './dates'

const id = z.uuid({ message: 'Ожидался идентификатор записи' })

export const paymentsReportSchema = z.discriminatedUnion(
  'scope',
  [
    z.object({ scope: z.literal('shift'), shiftId: id }).strict(),
    z
      .object({
        scope: z.literal('day'),
        date: contractDate('День'),
        officeId: id.optional(),
      })
      .strict(),
  ],
  { message: 'Выберите смену или день' },
)

export type PaymentsReportInput = z.infer<typeof paymentsReportSchema>
