// Receipt numbers after a desk is set up again (enrolled anew at the okno-server for the same
// window): its open shift's numbering comes back with the download, so the next receipt follows
// the last one instead of clashing with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pgUrl } from '../../../helpers/database'
import { demoClerk } from '../../../helpers/clerks'
import { startOknoServer, type OknoServer } from '../../../helpers/okno-server'
import { createDesk, type Desk, type Office } from '../../../helpers/sync'
import { ensureCounter, firstOfficeCode } from '../support'
import { findClerkByLogin, toClerkInfo } from '../../../../src/main/db/repositories/clerks'
import { paymentDraft, postPayment } from '../../../../src/main/services/cash/payments'
import { payInput } from '../../../helpers/cash'
import { postPayments } from '../faults/fixture'

if (!pgUrl())
  console.warn('[okno tests] receipt numbers after a new download skipped: OKNO_TEST_PG_URL is not set')

describe.skipIf(!pgUrl())('a desk set up again in the middle of a shift', () => {
  let okno: OknoServer
  let office: Office
  let first: Desk
  let again: Desk

  beforeAll(async () => {
    okno = await startOknoServer()
    office = okno.office as Office
    await ensureCounter(office, 7)
    first = await createDesk(okno, { officeCode: await firstOfficeCode(office), counterNumber: 7 })
    expect((await first.worker.syncNow()).state).toBe('online')
  }, 120_000)

  afterAll(async () => {
    await first?.dispose()
    await again?.dispose()
    await okno?.stop()
  })

  it('continues the open shift’s receipt numbers', async () => {
    const { shiftId } = await postPayments(first, 7, 3)
    expect((await first.worker.syncNow()).pending).toBe(0)
    const server = (await office.server.knex('shifts').where({ id: shiftId }).first('last_receipt_no')) as {
      last_receipt_no: number
    }
    expect(Number(server.last_receipt_no)).toBe(3)

    // The same counter on a reinstalled desk: a new store, downloaded from the office.
    again = await createDesk(okno, { officeCode: await firstOfficeCode(office), counterNumber: 7 })
    expect((await again.worker.syncNow()).state).toBe('online')
    const clerk = toClerkInfo(
      (await findClerkByLogin(again.db, 'operator')) as NonNullable<
        Awaited<ReturnType<typeof findClerkByLogin>>
      >,
    )
    await again.signIn(clerk, demoClerk('operator').password)
    const account = (await again.db.knex('payments').where({ shift_id: shiftId }).first('account_id')) as {
      account_id: string
    }
    const posted = await postPayment(
      again.ctx,
      clerk,
      payInput(await paymentDraft(again.ctx, account.account_id), 50_00),
    )
    expect(posted.receipt.receiptNumber).toMatch(/-07-\d+-4$/)
    // And the server takes it: no receipt number clashes with the first desk's.
    const status = await again.worker.syncNow()
    expect(status.failed).toBe(0)
    expect(status.pending).toBe(0)
    const numbers = (await office.server
      .knex('payments')
      .where({ shift_id: shiftId })
      .orderBy('receipt_no')
      .pluck('receipt_no')) as number[]
    expect(numbers.map(Number)).toEqual([1, 2, 3, 4])
  }, 120_000)
})
