// @vitest-environment happy-dom
// «Обмен с сервером»: the form's states — a desk not enrolled (the address, «Проверить» showing the
// organisation and the fingerprint in lines of four pairs, the code, «Подключить» by Enter, a
// refusal at its field), a desk of the old direct mode (its message), an enrolled desk (office,
// counter, fingerprint, «Отключить» after a confirmation); every control named in Russian.
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import SyncServerSettings from '../../../../../src/renderer/src/components/sync/SyncServerSettings.vue'
import { i18n } from '../../../../../src/renderer/src/i18n'
import { useSessionStore } from '../../../../../src/renderer/src/stores/session'
import type { SyncSettingsView } from '../../../../../src/shared/domain/sync'
import { Refusal, stubBridge, type Bridge } from '../../bridge'
import { VUETIFY_STUBS } from '../../vuetify-stubs'

const FINGERPRINT = Array.from({ length: 32 }, (_, i) => (0xa0 + i).toString(16).toUpperCase()).join(':')

const STANDALONE: SyncSettingsView = {
  mode: 'standalone',
  enrolled: false,
  legacy: false,
  server: null,
  intervalSeconds: 2,
  osKeyStore: true,
  officeName: null,
}

const ENROLLED: SyncSettingsView = {
  mode: 'office',
  enrolled: true,
  legacy: false,
  server: {
    url: 'https://okno-server:8443',
    fingerprint: FINGERPRINT,
    officeCode: 'BAL',
    counterNumber: 3,
    credentialSet: true,
  },
  intervalSeconds: 2,
  osKeyStore: true,
  officeName: 'Балтийское отделение',
}

const STATUS = {
  mode: 'office',
  state: 'online',
  pending: 0,
  failed: 0,
  lastSyncAt: null,
  lastError: null,
  nextAttemptAt: null,
  download: null,
}

let bridge: Bridge

const STUBS = { ...VUETIFY_STUBS, OutcomeAlert: false }

async function mountAs(role: 'administrator' | 'operator', view: SyncSettingsView) {
  bridge.answer('sync:settings', view)
  bridge.answer('sync:status', STATUS)
  const pinia = createPinia()
  setActivePinia(pinia)
  const session = useSessionStore()
  ;(session.session as unknown) = {
    clerk: { id: 'c1', login: 'admin', fullName: 'Админ', role },
    locked: false,
  }
  const wrapper = mount(SyncServerSettings, {
    attachTo: document.body,
    global: { plugins: [pinia, i18n], stubs: STUBS },
  })
  await flushPromises()
  return wrapper
}

/** Every button and text field has a Russian accessible name. */
function expectNamedControls(root: HTMLElement): void {
  for (const el of root.querySelectorAll('button, input')) {
    const id = el.getAttribute('id')
    const label = id ? root.querySelector(`label[for="${id}"]`)?.textContent : null
    const name = (el.getAttribute('aria-label') ?? label ?? el.textContent ?? '').trim()
    expect(name, el.outerHTML).toMatch(/[А-Яа-яЁё]/)
  }
}

beforeEach(() => {
  bridge = stubBridge()
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('SyncServerSettings', () => {
  it('probes the server and shows the organisation and the fingerprint in lines of four pairs', async () => {
    const wrapper = await mountAs('administrator', STANDALONE)
    bridge.answer('sync:probe', {
      fingerprint: FINGERPRINT,
      organisation: 'МУП «РЦ»',
      demo: false,
      schemaVersion: 9,
    })
    await wrapper.get('input[autocomplete="off"]').setValue('https://okno-server:8443')
    const probe = wrapper.findAll('button').find((b) => b.text() === 'Проверить')
    await probe?.trigger('click')
    await flushPromises()
    expect(bridge.calls.find((c) => c.channel === 'sync:probe')?.input).toEqual({
      url: 'https://okno-server:8443',
    })
    const shown = wrapper.get('[data-test="probe"]')
    expect(shown.text()).toContain('МУП «РЦ»')
    const lines = shown.findAll('code span').map((s) => s.text())
    expect(lines).toHaveLength(8)
    expect(lines[0]).toBe('A0 A1 A2 A3')
    expectNamedControls(wrapper.element as HTMLElement)
  })

  it('enrolls by Enter in the code field with the fingerprint the administrator compared, then shows the enrolled desk', async () => {
    const wrapper = await mountAs('administrator', STANDALONE)
    bridge.answer('sync:probe', {
      fingerprint: FINGERPRINT,
      organisation: null,
      demo: false,
      schemaVersion: 9,
    })
    bridge.answer('sync:enroll', ENROLLED)
    const [address, code] = wrapper.get('[data-test="enroll"]').findAll('input')
    await address?.setValue('https://okno-server:8443')
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Проверить')
      ?.trigger('click')
    await flushPromises()
    await code?.setValue('abcd-efgh-jklm')
    await wrapper.get('[data-test="enroll"]').trigger('submit')
    await flushPromises()
    expect(bridge.calls.find((c) => c.channel === 'sync:enroll')?.input).toEqual({
      url: 'https://okno-server:8443',
      fingerprint: FINGERPRINT,
      code: 'abcd-efgh-jklm',
    })
    const enrolled = wrapper.get('[data-test="enrolled"]')
    // The office by its Russian name, its code beside it; the counter.
    expect(enrolled.text()).toMatch(/Отделение\s*Балтийское отделение \(код BAL\)/)
    expect(enrolled.text()).toMatch(/Окно №\s*3/)
    expect(enrolled.text()).toContain('A0 A1 A2 A3')
    expect(wrapper.text()).toContain('Окно подключено к серверу «Окно».')
  })

  it('asks for «Проверить» before enrolling, and shows a refused code at its field', async () => {
    const wrapper = await mountAs('administrator', STANDALONE)
    const form = wrapper.get('[data-test="enroll"]')
    await form.findAll('input')[0]?.setValue('https://okno-server:8443')
    await form.trigger('submit')
    await flushPromises()
    expect(bridge.calls.some((c) => c.channel === 'sync:enroll')).toBe(false)
    expect(wrapper.text()).toContain('Сначала нажмите «Проверить»')

    bridge.answer('sync:probe', {
      fingerprint: FINGERPRINT,
      organisation: null,
      demo: false,
      schemaVersion: 9,
    })
    bridge.answer(
      'sync:enroll',
      new Refusal('VALIDATION', 'Код подключения неверен, истёк или уже использован.', {
        code: 'Код подключения неверен, истёк или уже использован.',
      }),
    )
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Проверить')
      ?.trigger('click')
    await flushPromises()
    await form.findAll('input')[1]?.setValue('ABCD-EFGH-JKLM')
    await form.trigger('submit')
    await flushPromises()
    const invalid = form.findAll('input[aria-invalid="true"]')
    expect(invalid).toHaveLength(1)
    expect(form.text()).toContain('Код подключения неверен')
  })

  it('shows the message of a desk set up for the old direct connection', async () => {
    const wrapper = await mountAs('administrator', { ...STANDALONE, mode: 'office', legacy: true })
    expect(wrapper.get('[data-test="legacy"]').text()).toContain(
      'Подключите окно к серверу «Окно»: прямое подключение к базе отделения больше не используется.',
    )
  })

  it('shows the office’s code alone while the store does not know the office yet', async () => {
    const wrapper = await mountAs('operator', { ...ENROLLED, officeName: null })
    expect(wrapper.get('[data-test="enrolled"]').text()).toMatch(/Отделение\s*BAL\s*Окно №/)
  })

  it('disconnects only after a confirmation', async () => {
    const wrapper = await mountAs('administrator', ENROLLED)
    bridge.answer('sync:disconnect', STANDALONE)
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Отключить')
      ?.trigger('click')
    expect(bridge.calls.some((c) => c.channel === 'sync:disconnect')).toBe(false)
    expect(wrapper.text()).toContain('Отключить окно от сервера?')
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Отключить окно')
      ?.trigger('click')
    await flushPromises()
    expect(bridge.calls.some((c) => c.channel === 'sync:disconnect')).toBe(true)
    expect(wrapper.find('[data-test="enrolled"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('работает автономно')
  })

  it('shows an operator the enrolled desk without any control to change it', async () => {
    const wrapper = await mountAs('operator', ENROLLED)
    expect(wrapper.get('[data-test="enrolled"]').text()).toContain('Балтийское отделение (код BAL)')
    expect(wrapper.findAll('button').map((b) => b.text())).not.toContain('Отключить')
  })
})
