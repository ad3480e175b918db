// A ServiceContext for tests: a real database, a fake clock and in-memory settings.
import { randomBytes } from 'node:crypto'
import { memorySettings, type SettingsStore, type WorkstationSettings } from '../../src/main/config/settings'
import type { Db } from '../../src/main/db/connection'
import type { ServiceContext } from '../../src/main/services/core/context'
import { createPassportVault } from '../../src/main/security/passport-vault'
import { uuidV7Generator } from '../../src/shared/uuid'
import { FakeClock } from './clock'

export interface TestContext {
  ctx: ServiceContext
  clock: FakeClock
  settings: SettingsStore
}

export function makeContext(
  db: Db,
  options: { now?: string; settings?: Partial<WorkstationSettings> } = {},
): TestContext {
  const clock = new FakeClock(options.now)
  const settings = memorySettings(options.settings)
  const ctx: ServiceContext = {
    db,
    clock,
    newId: uuidV7Generator(
      (n) => randomBytes(n),
      () => clock.now().getTime(),
    ),
    settings,
    vault: createPassportVault(randomBytes(32)),
  }
  return { ctx, clock, settings }
}
