// The cash desk (F6) for end-to-end scripts: the field that takes an account or a scanned QR code,
// the shift's panel and dialogs, the payment form, receipts and reports. Role-based locators with
// the Russian names a screen reader announces.
import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test'

export class CashDesk {
  readonly heading: Locator
  readonly field: Locator
  readonly receipts: Locator
  readonly shifts: Locator
  readonly payment: Locator
  readonly amount: Locator
  readonly tendered: Locator
  readonly payer: Locator
  readonly change: Locator
  readonly fullDebtButton: Locator
  readonly submitPayment: Locator
  readonly receiptDialog: Locator
  readonly reportDialog: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Касса', level: 1 })
    this.field = page.getByRole('combobox', { name: 'Лицевой счёт или QR-код' })
    this.receipts = page.getByRole('table', { name: 'Чеки смены' })
    this.shifts = page.getByRole('table', { name: 'Закрытые смены' })
    this.payment = page
      .getByRole('dialog')
      .filter({ has: page.getByRole('heading', { name: /^Оплата( — счёт \d+)?$/ }) })
    this.amount = this.payment.getByRole('textbox', { name: 'Сумма к оплате, ₽' })
    this.tendered = this.payment.getByRole('textbox', { name: 'Получено наличными, ₽' })
    this.payer = this.payment.getByRole('textbox', { name: 'Плательщик' })
    this.change = this.payment.getByRole('status').filter({ hasText: 'Сдача' })
    this.fullDebtButton = this.payment.getByRole('button', { name: /^Вся сумма долга/ })
    this.submitPayment = this.payment.getByRole('button', { name: /^Принять оплату/ })
    this.receiptDialog = page
      .getByRole('dialog')
      .filter({ has: page.getByRole('heading', { name: /чек № / }) })
    this.reportDialog = page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: /отчёт/ }) })
  }

  /** F6 from anywhere on the desk; focus lands in the account field. */
  async open(): Promise<void> {
    await this.page.keyboard.press('F6')
    await expect(this.heading).toBeVisible()
    await expect(this.field).toBeFocused()
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name })
  }

  dialog(title: string | RegExp): Locator {
    return this.page.getByRole('dialog').filter({ hasText: title })
  }

  /** F3, the float typed, Enter. */
  async openShift(float: string): Promise<void> {
    await this.page.keyboard.press('F3')
    const dialog = this.dialog('Открытие смены')
    const field = dialog.getByRole('textbox', { name: 'Размен на начало смены, ₽' })
    await expect(field).toBeFocused()
    await field.fill(float)
    await field.press('Enter')
    await expect(dialog).toBeHidden()
    await expect(this.page.getByRole('heading', { name: /^Смена № \d+$/ })).toBeVisible()
  }

  /** The shift's share of `service` in the payment form. */
  share(service: string): Locator {
    return this.payment.getByRole('textbox', { name: `В оплату: ${service}` })
  }

  /** Types the account number into the field and presses Enter: the payment form opens. */
  async payFor(number: string): Promise<void> {
    await this.field.fill(number)
    await this.field.press('Enter')
    await expect(this.payment.getByRole('heading', { name: `Оплата — счёт ${number}` })).toBeVisible()
    await expect(this.amount).toBeFocused()
  }

  /** The receipt's preview (an iframe) shows exactly what will be printed. */
  receiptPreview(): FrameLocator {
    return this.page.frameLocator('iframe[title="Предварительный просмотр чека"]')
  }

  reportPreview(): FrameLocator {
    return this.page.frameLocator('iframe[title="Предварительный просмотр отчёта"]')
  }

  receiptRow(number: string): Locator {
    return this.receipts
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: number, exact: true }) })
  }

  async closeReceipt(): Promise<void> {
    await this.receiptDialog.getByRole('button', { name: /^Готово/ }).click()
    await expect(this.receiptDialog).toBeHidden()
  }
}
