// settings:update keeps the workstation to what exists and what is safe: a counter the office has
// (a shift opened at window 99 would number receipts BAL-99-…), and a drawer port that is a
// printer device of this system (the pulse is written to it as to a file).
import { randomUUID } from 'node:crypto'
import { expect, it } from 'vitest'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { updateWorkstationSettings } from '../../../src/main/services/core/organisation'
import type { SettingsUpdate } from '../../../src/shared/settings'
import { OknoError } from '../../../src/shared/ipc/envelope'
import { signedInCall } from '../../helpers/calls'
import { describeEachDatabase, type TestEnv } from '../../helpers/database'

async function firstOffice(env: TestEnv): Promise<{ id: string; name: string }> {
  return (await env.db.knex('offices').orderBy('code').first('id', 'name')) as { id: string; name: string }
}

function update(officeId: string, patch: Partial<SettingsUpdate> = {}): SettingsUpdate {
  return {
    officeId,
    counterNumber: 2,
    idleLockMinutes: 10,
    printer: { paper: 'a4', deviceName: null, copies: 1 },
    ...patch,
  }
}

const cash = (drawerDevice: string | null): NonNullable<SettingsUpdate['cash']> => ({
  toleranceKopecks: 5_000,
  blindClose: false,
  openDrawer: drawerDevice !== null,
  drawerDevice,
})

describeEachDatabase('settings:update and what exists', (getCtx) => {
  it('takes a counter the office has', async () => {
    const env = getCtx()
    const call = await signedInCall(env, 'administrator')
    const office = await firstOffice(env)
    const counters = (await env.db.knex('counters').where({ office_id: office.id }).pluck('number')).map(
      Number,
    )
    const last = Math.max(...counters)
    expect(await dispatch('settings:update', update(office.id, { counterNumber: last }), call)).toMatchObject(
      {
        ok: true,
        data: { officeId: office.id, counterNumber: last },
      },
    )
  })

  it('refuses a counter the office does not have, at the field, and changes nothing', async () => {
    const env = getCtx()
    const call = await signedInCall(env, 'administrator')
    const office = await firstOffice(env)
    const before = env.settings.get()
    const result = await dispatch('settings:update', update(office.id, { counterNumber: 99 }), call)
    const message = `В отделении «${office.name}» нет окна № 99. Окна этого отделения: 1, 2, 3.`
    expect(result).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message, fields: { counterNumber: message } },
    })
    expect(env.settings.get()).toEqual(before)
  })

  it('refuses a counter of another office', async () => {
    const env = getCtx()
    const office = await firstOffice(env)
    const other = (await env.db.knex('offices').whereNot({ id: office.id }).first('id')) as { id: string }
    await env.db.knex('counters').insert({
      id: randomUUID(),
      office_id: other.id,
      number: 9,
      name: 'Окно 9',
      created_at: '2026-01-01T00:00:00.000Z',
    })
    const call = await signedInCall(env, 'administrator')
    expect(await dispatch('settings:update', update(office.id, { counterNumber: 9 }), call)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { counterNumber: expect.stringContaining('нет окна № 9') } },
    })
    expect(await dispatch('settings:update', update(other.id, { counterNumber: 9 }), call)).toMatchObject({
      ok: true,
    })
  })
})

describeEachDatabase('settings:update and the drawer port', (getCtx) => {
  it('saves a printer device of this system', async () => {
    const env = getCtx()
    const call = await signedInCall(env, 'administrator')
    const office = await firstOffice(env)
    const result = await dispatch('settings:update', update(office.id, { cash: cash('/dev/usb/lp0') }), call)
    expect(result).toMatchObject({ ok: true, data: { cash: { drawerDevice: '/dev/usb/lp0' } } })
  })

  it.each(['/etc/passwd', '../../okno.sqlite', '\\\\fileserver\\docs\\drawer.txt', '/dev/sda'])(
    'refuses %j at the field and changes nothing',
    async (device) => {
      const env = getCtx()
      const call = await signedInCall(env, 'administrator')
      const office = await firstOffice(env)
      const before = env.settings.get()
      const result = await dispatch('settings:update', update(office.id, { cash: cash(device) }), call)
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: expect.stringContaining('Порт денежного ящика'),
          fields: { drawerDevice: expect.stringMatching(/^Порт ящика — устройство принтера чеков/) },
        },
      })
      expect(env.settings.get()).toEqual(before)
    },
  )

  it('refuses a device of the other system', async () => {
    const env = getCtx()
    const call = await signedInCall(env, 'administrator')
    const office = await firstOffice(env)
    const refusal = (p: Promise<unknown>): Promise<unknown> =>
      p.then(
        () => null,
        (e: unknown) => e,
      )
    const onLinux = await refusal(
      updateWorkstationSettings(
        env.ctx,
        call.clerk.id,
        update(office.id, { cash: cash('\\\\.\\COM3') }),
        'linux',
      ),
    )
    expect(onLinux).toBeInstanceOf(OknoError)
    expect((onLinux as OknoError).fields).toEqual({
      drawerDevice: 'Порт ящика на этом компьютере — /dev/usb/lp0 или /dev/ttyUSB0.',
    })
    const onWindows = await refusal(
      updateWorkstationSettings(
        env.ctx,
        call.clerk.id,
        update(office.id, { cash: cash('/dev/usb/lp0') }),
        'win32',
      ),
    )
    expect((onWindows as OknoError).fields?.drawerDevice).toMatch(/^Порт ящика на этом компьютере — COM3/)
    await expect(
      updateWorkstationSettings(env.ctx, call.clerk.id, update(office.id, { cash: cash('COM3') }), 'win32'),
    ).resolves.toMatchObject({ cash: { drawerDevice: 'COM3' } })
  })
})
