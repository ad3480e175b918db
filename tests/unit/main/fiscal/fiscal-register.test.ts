import { describe, expect, it } from 'vitest'
import { fiscalReceiptData, noFiscalRegister } from '../../../../src/main/fiscal/fiscal-register'

describe('fiscalReceiptData', () => {
  it('builds a 54-ФЗ receipt: «услуга», «полный расчёт», one line per paid service, cash total', () => {
    const data = fiscalReceiptData({
      kind: 'payment',
      lines: [
        { serviceName: 'Электроснабжение', amountKopecks: 150_000 },
        { serviceName: 'Газоснабжение', amountKopecks: 0 },
        { serviceName: 'Холодное водоснабжение', amountKopecks: 34_567 },
      ],
      cashKopecks: 184_567,
      clerkName: 'Петрова А. С.',
      receiptNumber: '02-03-12-5',
    })
    expect(data.settlement).toBe('income')
    expect(data.items).toHaveLength(2)
    expect(
      data.items.every(
        (i) => i.paymentSubject === 'service' && i.paymentMethod === 'full_payment' && i.quantity === 1,
      ),
    ).toBe(true)
    expect(data.totalKopecks).toBe(184_567)
    expect(data.cashKopecks).toBe(184_567)
    expect(data.externalId).toBe('02-03-12-5')
  })

  it('marks a refund as «возврат прихода»', () => {
    const data = fiscalReceiptData({
      kind: 'reversal',
      lines: [{ serviceName: 'Газ', amountKopecks: 100 }],
      cashKopecks: 100,
      clerkName: 'К',
      receiptNumber: '1',
    })
    expect(data.settlement).toBe('income_return')
  })

  it('without a register: not configured, and registering refuses', async () => {
    expect(noFiscalRegister.configured).toBe(false)
    await expect(
      noFiscalRegister.register(
        fiscalReceiptData({ kind: 'payment', lines: [], cashKopecks: 0, clerkName: '', receiptNumber: '' }),
      ),
    ).rejects.toThrow('не настроен')
  })
})
