// Electron's IPC registration: one handler per contract channel, and every message's sender
// frame checked — only the app's own top frame gets through to the dispatcher.
import type { SyncService } from '../../../../src/main/sync/service'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '../../../../src/shared/ipc/channels'
import type { ServiceContext } from '../../../../src/main/services/core/context'
import { NullPrinter } from '../../../../src/main/printing/printer'

type Handler = (event: unknown, input: unknown) => unknown
const handlers = new Map<string, Handler>()

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: Handler) => handlers.set(channel, fn) },
}))

const APP_URL = 'file:///opt/okno/out/renderer/index.html'

function event(frameUrl: string, options: { subframe?: boolean; senderId?: number } = {}): unknown {
  const mainFrame = { url: frameUrl }
  const sender = { id: options.senderId ?? 1, mainFrame, once: () => undefined }
  return { sender, senderFrame: options.subframe ? { url: frameUrl } : mainFrame }
}

describe('registerIpc', () => {
  beforeAll(async () => {
    const { registerIpc } = await import('../../../../src/main/electron/ipc')
    registerIpc({
      ctx: {} as ServiceContext,
      version: '0.0.0',
      printer: new NullPrinter(),
      sync: { nudge: () => {} } as unknown as SyncService,
      isAppUrl: (url) => url === APP_URL,
    })
  })

  it('registers exactly the contract channels', () => {
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort())
  })

  it('answers a message from the app window through the dispatcher', async () => {
    const reply = await handlers.get('sessions:current')!(event(APP_URL), {})
    expect(reply).toEqual({ ok: true, data: null })
  })

  it('refuses a message from another page', async () => {
    const reply = await handlers.get('sessions:current')!(event('https://evil.example/'), {})
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('refuses a message from a subframe, even one showing the app URL', async () => {
    const reply = await handlers.get('sessions:current')!(event(APP_URL, { subframe: true }), {})
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('refuses a message whose frame is gone', async () => {
    const reply = await handlers.get('sessions:current')!(
      { sender: { id: 2, mainFrame: {} }, senderFrame: null },
      {},
    )
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
