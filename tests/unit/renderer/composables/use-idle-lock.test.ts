// @vitest-environment happy-dom
// The idle lock: activity tells main through the session store (at most once per interval), and
// the screen locks after the idle time without activity. Timers are faked, so no test waits.
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, ref } from 'vue'
import { useIdleLock } from '../../../../src/renderer/src/composables/useIdleLock'
import { stubBridge, type Bridge } from '../bridge'

let bridge: Bridge

beforeEach(() => {
  vi.useFakeTimers()
  setActivePinia(createPinia())
  bridge = stubBridge()
  bridge.answer('sessions:touch', null)
})

afterEach(() => {
  vi.useRealTimers()
})

function mountLock(minutes: number) {
  const lock = vi.fn(async () => undefined)
  const active = ref(true)
  const wrapper = mount(
    defineComponent({
      setup() {
        useIdleLock({ minutes: ref(minutes), active, lock })
        return () => null
      },
    }),
  )
  return { lock, active, wrapper }
}

describe('useIdleLock', () => {
  it('touches the session on activity, at most once per half the idle time', () => {
    const { wrapper } = mountLock(1)
    window.dispatchEvent(new Event('keydown'))
    expect(bridge.calls).toEqual([])
    vi.advanceTimersByTime(30_000)
    window.dispatchEvent(new Event('keydown'))
    window.dispatchEvent(new Event('mousedown'))
    expect(bridge.calls).toEqual([{ channel: 'sessions:touch', input: {} }])
    wrapper.unmount()
  })

  it('locks after the idle time without activity, not before, and not while inactive', () => {
    const { lock, active, wrapper } = mountLock(1)
    vi.advanceTimersByTime(55_000)
    expect(lock).not.toHaveBeenCalled()
    vi.advanceTimersByTime(5_000)
    expect(lock).toHaveBeenCalledTimes(1)
    active.value = false
    lock.mockClear()
    vi.advanceTimersByTime(120_000)
    expect(lock).not.toHaveBeenCalled()
    wrapper.unmount()
  })
})
