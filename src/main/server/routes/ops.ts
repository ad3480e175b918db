// Operations that must see every desk's state (the last seat, a shift's close, a cabinet's login,
// the charge run): the channel's input schema and access level from the IPC contract, then the
// same service the desk's handler calls, in a server context of the desk and its signed-in clerk.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { bookAppointment, rescheduleAppointment } from '../../services/appointments/booking'
import { runChargesShared } from '../../services/billing/charge-run-shared'
import { registerCabinet } from '../../services/cabinet/issue'
import { closeShift } from '../../services/cash/shifts'
import type { ServiceContext } from '../../services/core/context'
import { roleAtLeast, type ClerkInfo } from '../../../shared/domain/clerk'
import { contract, type ChannelOutput, type ChannelParsed } from '../../../shared/ipc/contract'
import { OFFICE_OPS, type OfficeOp } from '../../../shared/office/protocol'
import { authenticateClerk, authenticateDesk } from '../auth'
import { HttpError, readJson, sendData } from '../http'
import { notifyChanges } from '../notifier'
import { deskContext, type ServerState } from '../state'

type OpChannel<K extends OfficeOp> = (typeof OFFICE_OPS)[K]
type OpService<K extends OfficeOp> = (
  ctx: ServiceContext,
  clerk: ClerkInfo,
  input: ChannelParsed<OpChannel<K>>,
) => Promise<ChannelOutput<OpChannel<K>>>

const SERVICES: { [K in OfficeOp]: OpService<K> } = {
  'appointments.book': (ctx, clerk, i) => bookAppointment(ctx, clerk, i),
  'appointments.reschedule': (ctx, clerk, i) => rescheduleAppointment(ctx, clerk, i),
  'shifts.close': (ctx, clerk, i) => closeShift(ctx, clerk, i),
  'cabinets.register': (ctx, clerk, i) => registerCabinet(ctx, clerk, i),
  'charges.run': (ctx, clerk, i) => runChargesShared(ctx, i.period, clerk.id),
}

function isOp(name: string): name is OfficeOp {
  return Object.hasOwn(OFFICE_OPS, name)
}

export async function op(
  state: ServerState,
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
): Promise<void> {
  if (!isOp(name)) throw new HttpError('NOT_FOUND', 'Такой операции на сервере «Окно» нет: обновите «Окно».')
  const desk = await authenticateDesk(state, req)
  const clerk = await authenticateClerk(state, desk, req)
  const spec = contract[OFFICE_OPS[name]]
  const input = await readJson(req, spec.input)
  const needed = spec.access === 'supervisor' || spec.access === 'administrator' ? spec.access : 'operator'
  if (!roleAtLeast(clerk.role, needed)) {
    throw new HttpError(
      'FORBIDDEN',
      'Эта операция недоступна вашей роли: обратитесь к старшему операционисту.',
    )
  }
  const info: ClerkInfo = { id: clerk.id, login: clerk.login, fullName: clerk.fullName, role: clerk.role }
  const service = SERVICES[name] as OpService<OfficeOp>
  const output = await service(deskContext(state, desk, clerk.id), info, input as never)
  await notifyChanges(state.db.knex)
  sendData(res, output ?? null)
}
