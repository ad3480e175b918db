// The organisation, the workstation's place in it, and what the desk shows about itself.
import type { AppInfo, WorkstationSettingsView } from '../../shared/domain/app'
import { businessDate, DEFAULT_TIME_ZONE } from '../../shared/dates'
import { OknoError } from '../../shared/ipc/envelope'
import type { SettingsUpdate } from '../../shared/settings'
import { storedSyncView } from '../config/settings'
import {
  findOffice,
  findOrganisation,
  listOffices,
  type OrganisationRow,
} from '../db/repositories/organisation'
import { recordAudit } from './audit'
import type { ServiceContext } from './context'

export async function requireOrganisation(ctx: ServiceContext): Promise<OrganisationRow> {
  const org = await findOrganisation(ctx.db)
  if (!org) {
    throw new OknoError(
      'NOT_FOUND',
      'В базе нет данных организации. Обратитесь к администратору: база не заполнена.',
    )
  }
  return org
}

export async function appInfo(
  ctx: ServiceContext,
  shell: AppInfo['shell'],
  version: string,
): Promise<AppInfo> {
  const org = await findOrganisation(ctx.db)
  const settings = ctx.settings.get()
  const timeZone = org?.time_zone ?? DEFAULT_TIME_ZONE
  return {
    version,
    demo: Boolean(org?.is_demo),
    shell,
    organisation: org ? { name: org.short_name, timeZone } : null,
    office: settings.officeId ? ((await findOffice(ctx.db, settings.officeId)) ?? null) : null,
    counterNumber: settings.counterNumber,
    idleLockMinutes: settings.idleLockMinutes,
    printer: settings.printer,
    today: businessDate(ctx.clock.now(), timeZone),
  }
}

export async function workstationSettings(ctx: ServiceContext): Promise<WorkstationSettingsView> {
  // Field by field, never a spread: the settings file also holds the office server's password.
  const s = ctx.settings.get()
  return {
    workstationId: s.workstationId,
    officeId: s.officeId,
    counterNumber: s.counterNumber,
    idleLockMinutes: s.idleLockMinutes,
    printer: s.printer,
    cash: s.cash,
    sync: storedSyncView(s.sync),
    offices: await listOffices(ctx.db),
  }
}

export async function updateWorkstationSettings(
  ctx: ServiceContext,
  clerkId: string,
  update: SettingsUpdate,
): Promise<WorkstationSettingsView> {
  if (!(await findOffice(ctx.db, update.officeId))) {
    throw new OknoError('VALIDATION', 'Такого отделения нет в базе. Выберите отделение из списка.')
  }
  const before = ctx.settings.get()
  ctx.settings.update({ ...update, cash: update.cash ?? before.cash })
  await recordAudit(ctx, {
    action: 'settings.update',
    clerkId,
    objectType: 'workstation',
    objectId: before.workstationId,
    details: {
      before: {
        officeId: before.officeId,
        counterNumber: before.counterNumber,
        idleLockMinutes: before.idleLockMinutes,
        printer: before.printer,
        cash: before.cash,
      },
      after: update,
    },
  })
  return workstationSettings(ctx)
}
