// The browser bridge, run in a bare VM context with a fake window and fetch: it must define
// window.okno with exactly the contract's channels and post each call to /api/<channel>.
import { runInContext, createContext } from 'node:vm'
import { describe, expect, it, vi } from 'vitest'
import { BRIDGE_HEADER, bridgeScript } from '../../../../src/main/web/bridge-script'
import { CHANNELS } from '../../../../src/shared/ipc/channels'

interface FakeResponse {
  ok: boolean
  headers: { get(name: string): string | null }
  json(): Promise<unknown>
}

const jsonResponse = (body: unknown, ok = true): FakeResponse => ({
  ok,
  headers: { get: (name) => (name.toLowerCase() === 'content-type' ? 'application/json' : null) },
  json: () => Promise.resolve(body),
})

function loadBridge(fetch: (url: string, init: Record<string, unknown>) => Promise<FakeResponse>) {
  const window: Record<string, unknown> = {}
  const sandbox: Record<string, unknown> = { window, fetch }
  runInContext(bridgeScript(), createContext(sandbox))
  return { window, sandbox, okno: window.okno as Record<string, (input: unknown) => Promise<unknown>> }
}

describe('bridgeScript', () => {
  it('defines window.okno and no other global', () => {
    const { window, sandbox } = loadBridge(vi.fn())
    expect(Object.getOwnPropertyNames(window)).toEqual(['okno'])
    expect(Object.keys(sandbox).sort()).toEqual(['fetch', 'window'])
  })

  it('gives window.okno exactly the contract channels, frozen and not replaceable', () => {
    const { window, okno } = loadBridge(vi.fn())
    expect(Object.keys(okno).sort()).toEqual([...CHANNELS].sort())
    expect(Object.isFrozen(okno)).toBe(true)
    const descriptor = Object.getOwnPropertyDescriptor(window, 'okno')
    expect(descriptor).toMatchObject({ writable: false, configurable: false })
    expect(() => {
      'use strict'
      window.okno = {}
    }).toThrow(TypeError)
  })

  it.each(CHANNELS)('%s POSTs its input to /api/<channel> with the bridge header', async (channel) => {
    const fetch = vi.fn((_url: string, _init: Record<string, unknown>) =>
      Promise.resolve(jsonResponse({ ok: true, data: 1 })),
    )
    const { okno } = loadBridge(fetch)
    const input = { probe: channel }
    await expect(okno[channel]!(input)).resolves.toEqual({ ok: true, data: 1 })
    expect(fetch).toHaveBeenCalledTimes(1)
    const [url, init] = fetch.mock.calls[0]!
    expect(decodeURIComponent(url)).toBe(`/api/${channel}`)
    expect(url).toBe(`/api/${encodeURIComponent(channel)}`)
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin' })
    expect(init.headers).toMatchObject({ 'Content-Type': 'application/json', [BRIDGE_HEADER]: '1' })
    expect(JSON.parse(init.body as string)).toEqual({ input })
  })

  it('turns a refused call (not JSON) into an UNAUTHENTICATED envelope', async () => {
    const refused: FakeResponse = {
      ok: false,
      headers: { get: () => 'text/plain; charset=utf-8' },
      json: () => Promise.reject(new Error('not JSON')),
    }
    const { okno } = loadBridge(() => Promise.resolve(refused))
    await expect(okno['app:info']!({})).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
  })

  it('turns a network failure into an INTERNAL envelope with a Russian message', async () => {
    const { okno } = loadBridge(() => Promise.reject(new TypeError('Failed to fetch')))
    const result = (await okno['app:info']!({})) as { ok: boolean; error: { code: string; message: string } }
    expect(result.ok).toBe(false)
    expect(result.error.code).toBe('INTERNAL')
    expect(result.error.message).toMatch(/[а-яё]/i)
  })
})
