// The child of the crash-safety test (tests/integration/services/cash/crash.test.ts), run as
//   node --import tsx tests/helpers/crash-poster.ts <sqlite file> <config JSON>
// It opens the database, opens the counter's shift unless one is open, prints «READY <shift id>»,
// then posts cash payments in a loop as a clerk would (the form's draft, the default split, a new
// idempotency key each time) and prints «ACK <key>» only after postPayment has returned: a key on
// stdout is a payment the desk told the clerk was taken. The parent kills it with SIGKILL.
import { randomBytes, randomUUID } from 'node:crypto'
import { memorySettings } from '../../src/main/config/settings'
import { openDb } from '../../src/main/db/connection'
import { findClerkById, toClerkInfo } from '../../src/main/db/repositories/clerks'
import { Random } from '../../src/main/demo/random'
import { unavailableVault } from '../../src/main/security/passport-vault'
import { paymentDraft, postPayment } from '../../src/main/services/cash/payments'
import { cashDeskState, openShift } from '../../src/main/services/cash/shifts'
import type { ServiceContext } from '../../src/main/services/core/context'
import { allocatePayment } from '../../src/shared/cash/allocation'
import { plainAmount } from '../../src/shared/money'
import { uuidV7Generator } from '../../src/shared/uuid'

export interface CrashPosterConfig {
  officeId: string
  counterNumber: number
  workstationId: string
  clerkId: string
  accountIds: string[]
  /** Added to the machine's clock: the desk's day is the demo data's, whatever today is. */
  clockOffsetMs: number
  seed: number
}

/** Pipes are written synchronously on Linux: once this returns, the line is the parent's. */
function say(line: string): void {
  process.stdout.write(`${line}\n`)
}

async function main(): Promise<void> {
  const [filename, json] = process.argv.slice(2)
  if (!filename || !json) throw new Error('usage: crash-poster.ts <sqlite file> <config JSON>')
  const config = JSON.parse(json) as CrashPosterConfig
  const db = openDb({ client: 'sqlite', filename })
  const clock = { now: () => new Date(Date.now() + config.clockOffsetMs) }
  const ctx: ServiceContext = {
    db,
    clock,
    newId: uuidV7Generator(
      (n) => randomBytes(n),
      () => clock.now().getTime(),
    ),
    settings: memorySettings({
      officeId: config.officeId,
      counterNumber: config.counterNumber,
      workstationId: config.workstationId,
    }),
    vault: unavailableVault('паспорта не нужны'),
  }
  const row = await findClerkById(db, config.clerkId)
  if (!row) throw new Error(`Нет операциониста ${config.clerkId}`)
  const clerk = toClerkInfo(row)
  const shift = (await cashDeskState(ctx)).shift ?? (await openShift(ctx, clerk, { float: '1000' }))
  say(`READY ${shift.id}`)

  const random = new Random(config.seed)
  for (;;) {
    const accountId = config.accountIds[random.int(0, config.accountIds.length - 1)] as string
    const draft = await paymentDraft(ctx, accountId)
    const amount = random.int(100, 500_00)
    const key = randomUUID()
    await postPayment(ctx, clerk, {
      idempotencyKey: key,
      accountId,
      amount: plainAmount(amount),
      tendered: plainAmount(amount + random.int(0, 1) * 5_000),
      allocations: allocatePayment(draft.debts, amount),
      payerName: draft.payerName,
      period: draft.period,
    })
    say(`ACK ${key}`)
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})
