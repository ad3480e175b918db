// @vitest-environment happy-dom
// Printing a previewed document: through main's printer under Electron (the browser's dialog
// when main has no print backend), through the browser's dialog in browser mode, and a refusal
// as the clerk's message.
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { usePrint } from '../../../../src/renderer/src/composables/usePrint'
import { useAppStore } from '../../../../src/renderer/src/stores/app'
import { Refusal, stubBridge, type Bridge } from '../bridge'

const DOC = { kind: 'slip' } as never
let bridge: Bridge

/** A preview frame whose print dialog is recorded. */
function frame(): { el: HTMLIFrameElement; printed: () => number } {
  const print = vi.fn()
  const el = { contentWindow: { focus: vi.fn(), print } } as unknown as HTMLIFrameElement
  return { el, printed: () => print.mock.calls.length }
}

beforeEach(() => {
  setActivePinia(createPinia())
  bridge = stubBridge()
})

function inShell(shell: 'electron' | 'web'): void {
  useAppStore().info = { shell } as never
}

describe('usePrint', () => {
  it('prints through main under Electron', async () => {
    inShell('electron')
    bridge.answer('printing:print', { ok: true })
    const f = frame()
    expect(await usePrint().print(DOC, f.el)).toEqual({ ok: true })
    expect(bridge.calls).toEqual([{ channel: 'printing:print', input: { document: DOC } }])
    expect(f.printed()).toBe(0)
  })

  it('opens the browser’s dialog when main has no print backend, or in browser mode', async () => {
    inShell('electron')
    bridge.answer('printing:print', { ok: false, browserDialog: true, message: 'Нет принтера.' })
    const f = frame()
    expect(await usePrint().print(DOC, f.el)).toEqual({ ok: true })
    inShell('web')
    expect(await usePrint().print(DOC, f.el)).toEqual({ ok: true })
    expect(f.printed()).toBe(2)
    expect(bridge.calls).toHaveLength(1)
  })

  it('turns a refusal into the clerk’s message', async () => {
    inShell('electron')
    bridge.answer('printing:print', new Refusal('UNAVAILABLE', 'Принтер не отвечает: проверьте бумагу.'))
    expect(await usePrint().print(DOC, frame().el)).toEqual({
      ok: false,
      message: 'Принтер не отвечает: проверьте бумагу.',
    })
  })
})
