// The personal-cabinet dialogs on the account card, for end-to-end scripts.
import { expect, type Locator, type Page } from '@playwright/test'
import { currentPassportIssueDate, ruDate, type SampleAccount } from '../data'

export class CabinetForms {
  readonly dialog: Locator
  readonly slip: Locator
  readonly issuedLogin: Locator
  readonly issuedPassword: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog')
    this.slip = page.getByRole('dialog').filter({ hasText: 'Данные для входа в личный кабинет' })
    this.issuedLogin = page.getByTestId('issued-login')
    this.issuedPassword = page.getByTestId('issued-password')
  }

  field(label: string): Locator {
    return this.dialog.getByRole('textbox', { name: label, exact: true })
  }

  /** Types the passport of the sample's owner into the open registration form. */
  async fillPassport(owner: SampleAccount, seriesNumber: string): Promise<void> {
    await this.field('Фамилия').fill(owner.surname)
    await this.field('Имя').fill(owner.firstName)
    await this.field('Отчество').fill(owner.patronymic ?? '')
    await this.field('Дата рождения (ДД.ММ.ГГГГ)').fill(ruDate(owner.birthDate))
    await this.field('Серия и номер паспорта').fill(seriesNumber)
    await this.field('Дата выдачи (ДД.ММ.ГГГГ)').fill(ruDate(currentPassportIssueDate(owner.birthDate)))
    await this.field('Кем выдан').fill('ОУФМС России по г. Севастополю')
    await this.field('Код подразделения').fill('920-001')
  }

  /** The slip preview (an iframe) shows exactly what will be printed. */
  preview(): ReturnType<Page['frameLocator']> {
    return this.page.frameLocator('iframe[title="Предварительный просмотр памятки"]')
  }

  /** Closes the slip without printing, confirming that the password will not be shown again. */
  async closeSlipUnprinted(): Promise<void> {
    this.page.once('dialog', (d) => void d.accept())
    await this.slip.getByRole('button', { name: 'Готово' }).click()
    await expect(this.slip).toBeHidden()
  }
}
