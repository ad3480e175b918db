// The organisation, the workstation's place in it, and what the desk shows about itself.
import type { AppInfo, WorkstationSettingsView } from '../../../shared/domain/app'
import { businessDate, DEFAULT_TIME_ZONE } from '../../../shared/dates'
import { OknoError } from '../../../shared/ipc/envelope'
import { DRAWER_DEVICE_EXAMPLES, drawerDeviceSystem, type SettingsUpdate } from '../../../shared/settings'
import { storedSyncView } from '../../config/settings'
import {
  findOffice,
  findOrganisation,
  listCounterNumbers,
  listOffices,
  type OrganisationRow,
} from '../../db/repositories/organisation'
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

/** The drawer's port must be a device of this machine's system (the input schema knew both). */
function checkDrawerDevice(device: string | null | undefined, platform: NodeJS.Platform): void {
  const here = platform === 'win32' ? 'windows' : 'unix'
  if (!device || drawerDeviceSystem(device) === here) return
  const message = `Порт ящика на этом компьютере — ${DRAWER_DEVICE_EXAMPLES[here]}.`
  throw new OknoError('VALIDATION', message, { drawerDevice: message })
}

export async function updateWorkstationSettings(
  ctx: ServiceContext,
  clerkId: string,
  update: SettingsUpdate,
  platform: NodeJS.Platform = process.platform,
): Promise<WorkstationSettingsView> {
  checkDrawerDevice(update.cash?.drawerDevice, platform)
  const office = await findOffice(ctx.db, update.officeId)
  if (!office) {
    throw new OknoError('VALIDATION', 'Такого отделения нет в базе. Выберите отделение из списка.')
  }
  // A shift, its receipts (BAL-03-…) and reports name the counter: only one the office has.
  const counters = await listCounterNumbers(ctx.db, office.id)
  if (!counters.includes(update.counterNumber)) {
    const known = counters.length
      ? `Окна этого отделения: ${counters.join(', ')}.`
      : 'В нём нет ни одного окна: их заводят в данных организации.'
    const message = `В отделении «${office.name}» нет окна № ${update.counterNumber}. ${known}`
    throw new OknoError('VALIDATION', message, { counterNumber: message })
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
