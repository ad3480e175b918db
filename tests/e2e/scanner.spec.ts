// The bill's payment QR code read by a USB scanner, which types like a fast keyboard ending with
// Enter: on the cash desk it opens the right account's payment form with the sum and month from
// the code — typed into the account field, caught while focus is on a button, or typed into the
// top search field (from any screen). The standard's field names are read in any case.
import type { Page } from '@playwright/test'
import { DEMO_CLERKS } from '../../src/main/demo/credentials'
import { formatPeriodRu } from '../../src/shared/billing/period'
import { buildGostPayload, paymentQrForAccount } from '../../src/shared/payment-qr'
import { indebtedAccount } from './cash-data'
import { expect, test } from './fixtures'
import { CashDesk } from './pages/cash-desk'
import { DeskPage } from './pages/desk-page'
import { shot } from './shots'

const operator = DEMO_CLERKS.find((c) => c.role === 'operator')!
const PAYEE = {
  name: 'ГУП «Единый информационно-расчётный центр» | Севастополь',
  inn: '9204000005',
  kpp: '920401001',
  bank_name: 'РНКБ Банк (ПАО)',
  bic: '043510607',
  settlement_account: '40602810841000000001',
  correspondent_account: '30101810335100000607',
}

/** A scanner: a few milliseconds per key, then Enter. */
async function scan(page: Page, payload: string): Promise<void> {
  await page.keyboard.type(payload, { delay: 4 })
  await page.keyboard.press('Enter')
}

test('a scanned bill QR code opens the payment form of its account with the sum and month from the code', async ({
  page,
  desk,
}) => {
  // Three payloads of a few hundred keys each, typed one key at a time.
  test.slow()
  const draft = await indebtedAccount(desk.dbPath, 1)
  const other = await indebtedAccount(desk.dbPath, 2)
  const period = draft.period ?? '2026-01'
  const d = new DeskPage(page)
  const cash = new CashDesk(page)
  await d.open(desk.url)
  await d.signInToDesk(operator.login, operator.password)
  await cash.open()
  await cash.openShift('0')

  await test.step('scanned into the account field: a real bill payload, Cyrillic and a «|» in the name', async () => {
    await cash.field.focus()
    const payload = paymentQrForAccount(PAYEE, {
      accountNumber: draft.accountNumber,
      period,
      sumKopecks: 123_456,
      surname: 'Иванова',
      address: 'г. Севастополь, ул. Нахимова, д. 5',
    })
    expect(payload.startsWith('ST00012#')).toBe(true)
    await scan(page, payload)
    await expect(
      cash.payment.getByRole('heading', { name: `Оплата — счёт ${draft.accountNumber}` }),
    ).toBeVisible()
    await expect(cash.amount).toHaveValue('1234,56')
    await expect(cash.amount).toBeFocused()
    await expect(cash.payment.getByText(`Оплата за ${formatPeriodRu(period)}`)).toBeVisible()
    await expect(cash.change).toContainText('0,00')
    await shot(page, 'scanner-payment')
    await page.keyboard.press('Escape')
    await expect(cash.payment).toBeHidden()
    await expect(cash.field).toBeFocused()
    await expect(cash.field).toHaveValue('')
  })

  await test.step('scanned while focus is on a button: caught, and the button is not pressed', async () => {
    const xReport = cash.button(/^X-отчёт/)
    await xReport.focus()
    const payload = buildGostPayload({
      name: 'GUP EIRC',
      personalAcc: PAYEE.settlement_account,
      bankName: 'RNKB',
      bic: PAYEE.bic,
      correspAcc: PAYEE.correspondent_account,
      sumKopecks: 50_000,
      persAcc: other.accountNumber,
      paymPeriod: '032026',
      techCode: '02',
    })
    await scan(page, payload)
    await expect(
      cash.payment.getByRole('heading', { name: `Оплата — счёт ${other.accountNumber}` }),
    ).toBeVisible()
    await expect(cash.amount).toHaveValue('500,00')
    await expect(cash.payment.getByText('Оплата за март 2026')).toBeVisible()
    await expect(cash.reportDialog).toBeHidden()
    await page.keyboard.press('Escape')
    await expect(cash.payment).toBeHidden()
  })

  await test.step('a code for an unknown account, and one typed on the Russian layout: said so', async () => {
    await cash.field.focus()
    await scan(
      page,
      buildGostPayload({
        name: 'GUP EIRC',
        personalAcc: PAYEE.settlement_account,
        bankName: 'RNKB',
        bic: PAYEE.bic,
        correspAcc: PAYEE.correspondent_account,
        persAcc: '9999999999',
      }),
    )
    await expect(d.alert('Лицевой счёт 9999999999 не найден')).toBeVisible()
    await expect(cash.payment).toBeHidden()
    await cash.field.fill('')
    await scan(page, 'ЫЕ00012|Тфьу=ГУП')
    await expect(d.alert('переключите клавиатуру на английскую')).toBeVisible()
    await expect(cash.payment).toBeHidden()
  })
})

/** A bill's code for the account, the sum and the month (MMYYYY), built by the standard's rules. */
function billOf(accountNumber: string, sumKopecks: number, paymPeriod: string): string {
  return buildGostPayload({
    name: 'GUP EIRC',
    personalAcc: PAYEE.settlement_account,
    bankName: 'RNKB',
    bic: PAYEE.bic,
    correspAcc: PAYEE.correspondent_account,
    sumKopecks,
    persAcc: accountNumber,
    paymPeriod,
  })
}

test('a bill that writes «persAcc», «SUM», «paymperiod» is read like one that writes «PersAcc»', async ({
  page,
  desk,
}) => {
  const account = await indebtedAccount(desk.dbPath, 6)
  const d = new DeskPage(page)
  const cash = new CashDesk(page)
  await d.open(desk.url)
  await d.signInToDesk(operator.login, operator.password)
  await cash.open()
  const payload = billOf(account.accountNumber, 25_000, '042026')
    .replace('|PersAcc=', '|persAcc=')
    .replace('|Sum=', '|SUM=')
    .replace('|PaymPeriod=', '|paymperiod=')
  expect(payload).toContain('|persAcc=')
  await scan(page, payload)
  await expect(
    cash.payment.getByRole('heading', { name: `Оплата — счёт ${account.accountNumber}` }),
  ).toBeVisible()
  await expect(cash.amount).toHaveValue('250,00')
  await expect(cash.payment.getByText('Оплата за апрель 2026')).toBeVisible()
})

test('a code scanned into the top search field opens its payment, from the cash desk or a card', async ({
  page,
  desk,
}) => {
  test.slow()
  const first = await indebtedAccount(desk.dbPath, 4)
  const second = await indebtedAccount(desk.dbPath, 5)
  const d = new DeskPage(page)
  const cash = new CashDesk(page)
  await d.open(desk.url)
  await d.signInToDesk(operator.login, operator.password)
  await cash.open()
  await cash.openShift('0')

  await test.step('on the cash desk: the desk stays, the payment opens with the sum and month', async () => {
    await page.keyboard.press('F2')
    await expect(d.search).toBeFocused()
    await scan(page, billOf(first.accountNumber, 25_000, '042026'))
    await expect(
      cash.payment.getByRole('heading', { name: `Оплата — счёт ${first.accountNumber}` }),
    ).toBeVisible()
    await expect(cash.heading).toBeVisible()
    await expect(cash.amount).toHaveValue('250,00')
    await expect(cash.payment.getByText('Оплата за апрель 2026')).toBeVisible()
    await expect(d.search).toHaveValue('')
    await expect(page.getByText('Ничего не найдено')).toHaveCount(0)
    await page.keyboard.press('Escape')
    await expect(cash.payment).toBeHidden()
  })

  await test.step('from the account card: the cash desk opens with the payment of the scanned code', async () => {
    await page.keyboard.press('F2')
    await page.keyboard.type(first.accountNumber)
    await d.openResult(first.accountNumber)
    await page.keyboard.press('F2')
    await scan(page, billOf(second.accountNumber, 12_345, '052026'))
    await expect(
      cash.payment.getByRole('heading', { name: `Оплата — счёт ${second.accountNumber}` }),
    ).toBeVisible()
    await expect(cash.heading).toBeVisible()
    await expect(cash.amount).toHaveValue('123,45')
  })
})
