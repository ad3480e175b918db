// The readings form on the account card (F8) and the slip that follows, for end-to-end scripts.
// Fields are found by the names a screen reader reads: «Электроснабжение 0123456, день».
import { expect, type Locator, type Page } from '@playwright/test'
import type { SampleMeter } from '../data'

const ZONE_NAMES: Record<number, string[]> = { 2: ['день', 'ночь'], 3: ['пик', 'полупик', 'ночь'] }

export class ReadingsForm {
  readonly dialog: Locator
  readonly checkButton: Locator
  readonly acceptButton: Locator
  readonly cancelButton: Locator
  readonly status: Locator
  readonly slip: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog').filter({ hasText: 'Приём показаний — счёт' })
    this.checkButton = this.dialog.getByRole('button', { name: 'Проверить' })
    this.acceptButton = this.dialog.getByRole('button', { name: 'Принять', exact: true })
    this.cancelButton = this.dialog.getByRole('button', { name: 'Отмена' })
    this.status = this.dialog.getByRole('status')
    this.slip = page.getByRole('dialog').filter({ hasText: 'Показания приняты' })
  }

  /** The button on the card: its name carries the shortcut. */
  button(): Locator {
    return this.page.getByRole('button', { name: /^Принять показания/ })
  }

  /** F8 on the card opens the form; the first field takes focus. */
  async open(first: SampleMeter): Promise<void> {
    await this.page.keyboard.press('F8')
    await expect(this.dialog).toBeVisible()
    await expect(this.field(first, 0)).toBeFocused()
  }

  static label(meter: SampleMeter, zone: number): string {
    const name = ZONE_NAMES[meter.zones]?.[zone]
    return name ? `${meter.serviceName} ${meter.serial}, ${name}` : `${meter.serviceName} ${meter.serial}`
  }

  field(meter: SampleMeter, zone = 0): Locator {
    return this.dialog.getByRole('textbox', { name: ReadingsForm.label(meter, zone), exact: true })
  }

  confirmation(name: string | RegExp): Locator {
    return this.dialog.getByRole('checkbox', { name })
  }

  /** Types every value into the focused field and moves on with Enter, as a clerk does. */
  async typeInOrder(values: string[]): Promise<void> {
    for (const value of values) {
      await this.page.keyboard.type(value)
      await this.page.keyboard.press('Enter')
    }
  }

  /** The slip's preview (an iframe) shows exactly what will be printed. */
  preview(): ReturnType<Page['frameLocator']> {
    return this.page.frameLocator('iframe[title="Предварительный просмотр квитанции о приёме показаний"]')
  }

  /** «Отмена» with readings typed: the form asks, and the clerk agrees to drop them. */
  async discard(): Promise<void> {
    this.page.once('dialog', (d) => void d.accept())
    await this.cancelButton.click()
    await expect(this.dialog).toBeHidden()
  }

  async closeSlip(): Promise<void> {
    await this.slip.getByRole('button', { name: 'Готово' }).click()
    await expect(this.slip).toBeHidden()
  }
}
