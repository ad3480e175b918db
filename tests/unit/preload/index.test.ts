// The preload exposes exactly the contract's channels, each forwarding to ipcRenderer.invoke.
import { describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '../../../src/shared/ipc/channels'

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn((channel: string, input: unknown) => Promise.resolve({ ok: true, data: { channel, input } })),
}))

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api),
  },
  ipcRenderer: { invoke: electron.invoke, send: vi.fn(), on: vi.fn() },
}))

await import('../../../src/preload/index')

describe('preload', () => {
  const api = electron.exposed.get('okno') as Record<string, (input: unknown) => Promise<unknown>>

  it('exposes one object, window.okno, and nothing else', () => {
    expect([...electron.exposed.keys()]).toEqual(['okno'])
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('has exactly one method per contract channel', () => {
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort())
    for (const channel of CHANNELS) expect(typeof api[channel]).toBe('function')
  })

  it.each(CHANNELS)('%s forwards its input to ipcRenderer.invoke on its own channel', async (channel) => {
    electron.invoke.mockClear()
    const input = { probe: channel }
    await expect(api[channel]!(input)).resolves.toEqual({ ok: true, data: { channel, input } })
    expect(electron.invoke).toHaveBeenCalledTimes(1)
    expect(electron.invoke).toHaveBeenCalledWith(channel, input)
  })
})
