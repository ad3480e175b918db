// What every route of okno-server shares: the database, the server's identity, the passport vault,
// the change notifier, the log; and the service context a desk's call runs in on the server.
import { memorySettings, type SettingsStore } from '../config/settings'
import type { Db } from '../db/connection'
import type { PassportVault } from '../security/passport-vault'
import type { Clock, ServiceContext } from '../services/core/context'
import { serverChangeLog } from '../sync/change-log'
import { directChainId } from '../sync/server'
import type { Hello } from '../../shared/office/protocol'
import type { ChangeNotifier } from './notifier'
import type { DeskIdentity } from './policy'

export interface ServerState {
  db: Db
  hello: Hello
  vault: PassportVault
  clock: Clock
  newId: () => string
  notifier: ChangeNotifier
  /** One line per event; never a secret, a bound value or (for expected refusals) a stack. */
  log: (line: string) => void
  /** Per desk: the settings its calls see (kept, so a desk's counted sign-in failures stay). */
  deskSettings: Map<string, SettingsStore>
}

function settingsOf(state: ServerState, desk: DeskIdentity): SettingsStore {
  let settings = state.deskSettings.get(desk.deskId)
  if (!settings) {
    // The desk's operations write into their own audit chain on the server, apart from the desk's.
    settings = memorySettings({
      workstationId: directChainId(desk.workstationId),
      officeId: desk.officeId,
      counterNumber: desk.counterNumber,
    })
    state.deskSettings.set(desk.deskId, settings)
  }
  return settings
}

/** The context of a desk's call on the server: PostgreSQL, the change log, the desk's office. */
export function deskContext(state: ServerState, desk: DeskIdentity, actorId: string | null): ServiceContext {
  return {
    db: state.db,
    clock: state.clock,
    newId: state.newId,
    settings: settingsOf(state, desk),
    vault: state.vault,
    changeLog: serverChangeLog,
    actorId,
  }
}
