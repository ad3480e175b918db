// @vitest-environment happy-dom
// The session store hears of session errors from any call: signed out elsewhere ends the
// session with main's reason for the sign-in screen; the idle lock locks the screen.
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useSessionStore } from '../../../../src/renderer/src/stores/session'
import { useSettingsStore } from '../../../../src/renderer/src/stores/settings'
import { Refusal, stubBridge, type Bridge } from '../bridge'

const SESSION = {
  clerk: { id: 'c1', login: 'operator', fullName: 'Иванова А. А.', role: 'operator' },
  locked: false,
}

let bridge: Bridge

beforeEach(() => {
  setActivePinia(createPinia())
  bridge = stubBridge()
})

describe('session store', () => {
  it('locks the screen when any store’s call is refused as locked', async () => {
    const session = useSessionStore()
    bridge.answer('sessions:current', SESSION)
    await session.restore()
    bridge.answer('settings:get', new Refusal('SCREEN_LOCKED', 'Экран заблокирован: введите пароль.'))
    await useSettingsStore()
      .get()
      .catch(() => undefined)
    expect(session.locked).toBe(true)
    expect(session.clerk?.login).toBe('operator')
  })

  it('ends the session with main’s reason when signed out elsewhere', async () => {
    const session = useSessionStore()
    bridge.answer('sessions:current', SESSION)
    await session.restore()
    bridge.answer(
      'sessions:touch',
      new Refusal('UNAUTHENTICATED', 'Данные отделения заменены: войдите снова.'),
    )
    await session.touch().catch(() => undefined)
    expect(session.session).toBeNull()
    expect(session.endedReason).toBe('Данные отделения заменены: войдите снова.')
  })
})
