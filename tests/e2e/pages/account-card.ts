// The account card's sections for end-to-end scripts: the debt at a glance, the readings
// history with its charts, charges and payments by month and one month's detail.
import { expect, type Locator, type Page } from '@playwright/test'
import type { SampleMeter } from '../data'

export class AccountCard {
  readonly debt: Locator
  readonly readingsTab: Locator
  readonly billingTab: Locator
  readonly infoTab: Locator
  readonly readingsPanel: Locator
  readonly billingPanel: Locator

  constructor(readonly page: Page) {
    this.debt = page.getByTestId('debt')
    this.infoTab = page.getByRole('tab', { name: 'Сведения' })
    this.readingsTab = page.getByRole('tab', { name: 'Показания' })
    this.billingTab = page.getByRole('tab', { name: 'Начисления и оплаты' })
    this.readingsPanel = page.getByRole('tabpanel', { name: 'Показания' })
    this.billingPanel = page.getByRole('tabpanel', { name: 'Начисления и оплаты' })
  }

  /** Goes to a tab from the keyboard: focus the tab list, arrows, Enter. */
  async showTab(tab: Locator): Promise<void> {
    await tab.focus()
    await this.page.keyboard.press('Enter')
    await expect(tab).toHaveAttribute('aria-selected', 'true')
  }

  /** One meter's readings history table. */
  history(meter: Pick<SampleMeter, 'serviceName' | 'serial'>): Locator {
    return this.readingsPanel.getByRole('table', {
      name: `История показаний: ${meter.serviceName} № ${meter.serial}`,
    })
  }

  /** One meter's consumption chart: a canvas named for screen readers. */
  chart(meter: Pick<SampleMeter, 'serviceName' | 'serial' | 'unit'>): Locator {
    return this.readingsPanel.getByRole('img', {
      name: `Расход по месяцам, ${meter.unit}: ${meter.serviceName} № ${meter.serial}`,
    })
  }

  statement(): Locator {
    return this.billingPanel.getByRole('table', { name: 'Начисления и оплаты по месяцам' })
  }

  statementRow(monthRu: string): Locator {
    return this.statement()
      .getByRole('row')
      .filter({ has: this.page.getByRole('button', { name: monthRu, exact: true }) })
  }

  /** Selects a month from the keyboard; returns its detail table (there when it has charges). */
  async openMonth(monthRu: string): Promise<Locator> {
    const button = this.statement().getByRole('button', { name: monthRu, exact: true })
    await button.focus()
    await this.page.keyboard.press('Enter')
    await expect(button).toHaveAttribute('aria-current', 'true')
    await expect(this.billingPanel.getByRole('heading', { name: `Начисления за ${monthRu}` })).toBeVisible()
    await expect(this.billingPanel.getByRole('progressbar')).toHaveCount(0)
    return this.billingPanel.getByRole('table', { name: `Начисления за ${monthRu}` })
  }
}
