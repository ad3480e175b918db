// Whose shifts a clerk may read — its receipts, Z-report, payments and report — one rule for
// every channel: an operator this desk's counter (or a shift they opened), a supervisor this
// desk's office, an administrator every office. The desk's place is set by the administrator.
import { roleAtLeast, type ClerkInfo } from '../../../shared/domain/clerk'
import { OknoError } from '../../../shared/ipc/envelope'
import { findShift, type ShiftRow } from '../../db/repositories/shifts'
import type { ServiceContext } from '../core/context'

export function shiftInScope(ctx: ServiceContext, viewer: ClerkInfo, shift: ShiftRow): boolean {
  if (roleAtLeast(viewer.role, 'administrator')) return true
  const { officeId, counterNumber } = ctx.settings.get()
  const sameOffice = shift.office_id === officeId
  if (roleAtLeast(viewer.role, 'supervisor')) return sameOffice
  return shift.opened_by === viewer.id || (sameOffice && shift.counter_number === counterNumber)
}

/** The shift `shiftId` when `viewer` may read it; NOT_FOUND or FORBIDDEN otherwise. */
export async function requireVisibleShift(
  ctx: ServiceContext,
  viewer: ClerkInfo,
  shiftId: string,
): Promise<ShiftRow> {
  const shift = await findShift(ctx.db.knex, shiftId)
  if (!shift) throw new OknoError('NOT_FOUND', 'Смена не найдена: выберите её из списка.')
  if (shiftInScope(ctx, viewer, shift)) return shift
  throw new OknoError(
    'FORBIDDEN',
    roleAtLeast(viewer.role, 'supervisor')
      ? 'Смена другого отделения доступна администратору. Выберите смену своего отделения.'
      : 'Смена другого окна доступна старшему операционисту отделения. Выберите смену своего окна.',
  )
}
