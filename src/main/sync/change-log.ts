// The change log as a context that writes on the office server sees it (a direct operation): the
// port of core/changes.ts over the server's change log (db/repositories/change-log.ts).
import type { ChangeLog } from '../services/core/changes'
import { lockChangeLog, recordChanges } from '../db/repositories/change-log'

/** Each write's changes recorded in its own transaction, under the log's lock. */
export const serverChangeLog: ChangeLog = {
  async record(trx, changes) {
    await lockChangeLog(trx)
    await recordChanges(trx, null, changes)
  },
}
