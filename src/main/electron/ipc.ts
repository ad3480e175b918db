// Electron's half of the IPC: one ipcMain handler per contract channel. Each checks that the
// message comes from the app's own top frame (checklist 17: validate the sender of all IPC
// messages), then hands over to the shared dispatcher. One clerk session per window.
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS } from '../../shared/ipc/channels'
import type { Envelope } from '../../shared/ipc/envelope'
import { dispatch } from '../ipc/dispatch'
import type { Printer } from '../printing/printer'
import type { ServiceContext } from '../services/core/context'
import type { SyncService } from '../sync/service'
import { newSession, type Session } from '../services/clerks/sessions'

export function registerIpc(options: {
  ctx: ServiceContext
  version: string
  printer: Printer
  sync: SyncService
  isAppUrl: (url: string) => boolean
}): void {
  const sessions = new Map<number, Session>()
  const sessionFor = (event: IpcMainInvokeEvent): Session => {
    let s = sessions.get(event.sender.id)
    if (!s) {
      s = newSession()
      sessions.set(event.sender.id, s)
      event.sender.once('destroyed', () => sessions.delete(event.sender.id))
    }
    return s
  }
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown): Promise<Envelope<unknown>> | Envelope<never> => {
      const frame = event.senderFrame
      if (!frame || frame !== event.sender.mainFrame || !options.isAppUrl(frame.url)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Запрос не из окна приложения отклонён.' } }
      }
      return dispatch(channel, input, {
        ctx: options.ctx,
        session: sessionFor(event),
        shell: 'electron',
        version: options.version,
        printer: options.printer,
        sync: options.sync,
      })
    })
  }
}
