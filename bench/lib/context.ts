// A ServiceContext for the bench: the bench database, a clock the bench sets (readings must fall
// inside the window of the database's as-of month, whatever today is), in-memory settings.
import { randomBytes } from 'node:crypto'
import { memorySettings } from '../../src/main/config/settings'
import type { Db } from '../../src/main/db/connection'
import { findClerkByLogin, toClerkInfo } from '../../src/main/db/repositories/clerks'
import { unavailableVault } from '../../src/main/security/passport-vault'
import type { Clock, ServiceContext } from '../../src/main/services/core/context'
import type { ClerkInfo } from '../../src/shared/domain/clerk'
import { bufferedRandom, uuidV7Generator } from '../../src/shared/uuid'

export class BenchClock implements Clock {
  constructor(private ms: number = Date.now()) {}
  now(): Date {
    return new Date(this.ms)
  }
  set(instant: string): void {
    this.ms = Date.parse(instant)
  }
}

export function benchContext(db: Db, clock: Clock): ServiceContext {
  return {
    db,
    clock,
    newId: uuidV7Generator(
      bufferedRandom((n) => randomBytes(n)),
      () => clock.now().getTime(),
    ),
    settings: memorySettings(),
    vault: unavailableVault('паспорта бенчмарку не нужны'),
  }
}

/** A demo clerk (`operator` by default), as a signed-in session would carry them. */
export async function demoOperator(
  db: Db,
  login: 'operator' | 'supervisor' = 'operator',
): Promise<ClerkInfo> {
  const row = await findClerkByLogin(db, login)
  if (!row) throw new Error(`В базе нет демо-сотрудника ${login}`)
  return toClerkInfo(row)
}
