// Printing a receipt after the payment: a failed or hung printer leaves the payment in place and
// the receipt «не напечатан» in the shift's list; a later print succeeds, marks it, opens the
// drawer once, and every print after that says «КОПИЯ».
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { postPayment } from '../../../../src/main/services/cash/payments'
import { printReceipt, receiptDocument, shiftReceipts } from '../../../../src/main/services/cash/receipts'
import type { PdfOutcome, Printer } from '../../../../src/main/printing/printer'
import type { PrintDocument, PrintResult } from '../../../../src/shared/print/document'
import { indebtedAccount, openCounter, payInput } from '../../../helpers/cash'
import { describeEachDatabase } from '../../../helpers/database'

class ScriptedPrinter implements Printer {
  readonly printed: PrintDocument[] = []
  constructor(private readonly outcomes: PrintResult[]) {}
  async print(doc: PrintDocument): Promise<PrintResult> {
    const outcome = this.outcomes.shift() ?? { ok: true }
    if (outcome.ok) this.printed.push(doc)
    return outcome
  }
  async listPrinters() {
    return []
  }
  async pdf(): Promise<PdfOutcome> {
    return { ok: false, message: 'нет' }
  }
}

describeEachDatabase('receipt printing', (getCtx) => {
  it('keeps the payment when the printer fails, and prints it again from the shift list', async () => {
    const env = getCtx()
    const { clerk, shiftId } = await openCounter(env)
    const port = join(mkdtempSync(join(tmpdir(), 'okno-drawer-')), 'lp0')
    writeFileSync(port, '')
    env.settings.update({ cash: { ...env.settings.get().cash, openDrawer: true, drawerDevice: port } })
    const draft = await indebtedAccount(env)
    const posted = await postPayment(env.ctx, clerk, payInput(draft, 5_000, 10_000))
    const printer = new ScriptedPrinter([{ ok: false, message: 'Принтер не ответил' }])

    const failed = await printReceipt(env.ctx, printer, clerk, posted.receipt.paymentId)
    expect(failed).toEqual({ ok: false, message: 'Принтер не ответил' })
    const [listed] = await shiftReceipts(env.ctx, clerk, shiftId)
    expect(listed).toMatchObject({
      paymentId: posted.receipt.paymentId,
      printed: false,
      amountKopecks: 5_000,
    })
    expect(readFileSync(port)).toHaveLength(0)

    expect(await printReceipt(env.ctx, printer, clerk, posted.receipt.paymentId)).toEqual({ ok: true })
    expect(printer.printed[0]?.copy).toBeUndefined()
    expect((await shiftReceipts(env.ctx, clerk, shiftId))[0]?.printed).toBe(true)
    expect([...readFileSync(port)]).toEqual([0x1b, 0x70, 0x00, 0x19, 0xfa])

    await printReceipt(env.ctx, printer, clerk, posted.receipt.paymentId)
    expect(printer.printed[1]?.copy).toBe(true)
    expect(readFileSync(port)).toHaveLength(5)
    expect((await receiptDocument(env.ctx, clerk, posted.receipt.paymentId)).copy).toBe(true)
  })
})
