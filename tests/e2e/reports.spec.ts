// The payments report: an operator's shift takes a payment (set up through the desk's own API,
// as the bridge carries it), the operator opens «Отчёты», sees the shift's total, downloads the
// Excel file (read back with exceljs: the same total) and opens the print preview; the day's
// report shows only the operator's own payments.
import { randomUUID } from 'node:crypto'
import ExcelJS from 'exceljs'
import type { Locator, Page } from '@playwright/test'
import { openDb } from '../../src/main/db/connection'
import { DEMO_CLERKS } from '../../src/main/demo/credentials'
import { allocatePayment } from '../../src/shared/cash/allocation'
import type { PaymentDraft, PaymentPosted } from '../../src/shared/domain/cash'
import { formatMoney, plainAmount } from '../../src/shared/money'
import { expect, test, type Desk } from './fixtures'
import { DeskPage } from './pages/desk-page'

const admin = DEMO_CLERKS.find((c) => c.role === 'administrator')!
const operator = DEMO_CLERKS.find((c) => c.role === 'operator')!
const supervisor = DEMO_CLERKS.find((c) => c.role === 'supervisor')!

/** One call through the desk's bridge (window.okno), as the renderer's client makes it. */
async function api<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const envelope = (await page.evaluate(
    ([c, i]) =>
      (globalThis as unknown as { okno: Record<string, (x: unknown) => Promise<unknown>> }).okno[c]!(i),
    [channel, input] as const,
  )) as { ok: true; data: T } | { ok: false; error: { message: string } }
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`)
  return envelope.data
}

async function firstOffice(dbPath: string): Promise<{ id: string; name: string }> {
  const db = openDb({ client: 'sqlite', filename: dbPath })
  try {
    return (await db.knex('offices').orderBy('code').first('id', 'name')) as { id: string; name: string }
  } finally {
    await db.close()
  }
}

/** An open account with a debt, picked from the demo data. */
async function indebtedDraft(page: Page, dbPath: string): Promise<PaymentDraft> {
  const db = openDb({ client: 'sqlite', filename: dbPath })
  try {
    const ids = (await db
      .knex('accounts')
      .where({ status: 'open' })
      .orderBy('number')
      .limit(30)
      .select('id')) as Array<{
      id: string
    }>
    for (const { id } of ids) {
      const draft = await api<PaymentDraft>(page, 'payments:draft', { accountId: id })
      if (draft.totalDebtKopecks > 0) return draft
    }
  } finally {
    await db.close()
  }
  throw new Error('В тестовой базе нет счёта с долгом')
}

const CONTROL_ROLES = ['button', 'link', 'textbox', 'combobox', 'radio', 'checkbox', 'option'] as const

async function expectAllControlsNamed(page: Page, screen: string): Promise<void> {
  for (const role of CONTROL_ROLES) {
    for (const control of await page.getByRole(role).all()) {
      await expect(control, `${screen}: ${role} без доступного имени`).toHaveAccessibleName(/\S/)
    }
  }
}

/** Presses Tab until `target` has focus: it is reachable from the keyboard. */
async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el.matches(':focus'))) return
    await page.keyboard.press('Tab')
  }
  await expect(target).toBeFocused()
}

/** The administrator ties the workstation to the first office, window 3, and signs `clerk` in. */
async function signInAtCounter(page: Page, desk: Desk, clerk: { login: string; password: string }) {
  const d = new DeskPage(page)
  await d.open(desk.url)
  await d.signInToDesk(admin.login, admin.password)
  const office = await firstOffice(desk.dbPath)
  await api(page, 'settings:update', {
    officeId: office.id,
    counterNumber: 3,
    idleLockMinutes: 10,
    printer: { paper: 'a4', deviceName: null, copies: 1 },
  })
  await api(page, 'sessions:signOut', {})
  await page.reload()
  await d.signInToDesk(clerk.login, clerk.password)
  return office
}

/** Opens a shift and posts payments of about `wanted` kopecks each through the desk's API. */
async function payments(page: Page, dbPath: string, wanted: number[]): Promise<PaymentPosted[]> {
  await api(page, 'shifts:open', { float: '1000' })
  const draft = await indebtedDraft(page, dbPath)
  const posted: PaymentPosted[] = []
  for (const w of wanted) {
    const current = await api<PaymentDraft>(page, 'payments:draft', { accountId: draft.accountId })
    const amount = Math.min(w, Math.max(current.totalDebtKopecks, 1_000))
    posted.push(
      await api<PaymentPosted>(page, 'payments:post', {
        idempotencyKey: randomUUID(),
        accountId: current.accountId,
        amount: plainAmount(amount),
        tendered: plainAmount(amount),
        allocations: allocatePayment(current.debts, amount),
        payerName: current.payerName,
        period: current.period,
      }),
    )
  }
  return posted
}

test('an operator sees the shift’s payments, exports them to Excel and prints them', async ({
  page,
  desk,
}) => {
  await signInAtCounter(page, desk, operator)
  const posted = await payments(page, desk.dbPath, [123_456, 50_005])
  const total = posted.reduce((a, p) => a + p.receipt.amountKopecks, 0)

  // «Отчёты» from the bar: the current shift is shown at once.
  await page.getByRole('link', { name: 'Отчёты' }).click()
  await expect(page.getByRole('heading', { name: 'Отчёт о платежах', level: 1 })).toBeVisible()
  await expect(page.getByRole('radio', { name: 'Смену' })).toBeChecked()
  await expect(page.getByRole('combobox', { name: 'Смена' })).toBeVisible()
  await expect(page.getByTestId('report-title')).toContainText('окно 3')
  await expect(page.getByTestId('report-total')).toHaveText(formatMoney(total))
  const receipts = page.getByRole('table', { name: 'Чеки' })
  for (const p of posted)
    await expect(receipts.getByRole('row', { name: new RegExp(p.receipt.receiptNumber) })).toBeVisible()
  const byService = page.getByRole('table', { name: 'По услугам' })
  await expect(byService.getByRole('row').last()).toContainText(formatMoney(total))
  await page.screenshot({ path: test.info().outputPath('reports-shift.png'), fullPage: true })

  // Excel: the download, read back.
  // Reached with Tab and pressed with Enter, as from the keyboard.
  await expectAllControlsNamed(page, 'отчёт за смену')
  const excel = page.getByRole('button', { name: 'Выгрузить в Excel' })
  await page.getByRole('heading', { name: 'Отчёт о платежах', level: 1 }).click()
  await tabTo(page, excel)
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')])
  expect(download.suggestedFilename()).toMatch(/^Платежи_смена-1_окно-3_\d{4}-\d{2}-\d{2}\.xlsx$/)
  await expect(page.getByRole('status').filter({ hasText: download.suggestedFilename() })).toBeVisible()
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(await download.path())
  const sheet = workbook.getWorksheet('Платежи')!
  const last = sheet.getRow(sheet.rowCount)
  expect(last.getCell(1).value).toBe('Итого')
  const cell = last.getCell(6).value as { result: number }
  expect(Math.round(cell.result * 100)).toBe(total)
  expect(sheet.rowCount).toBe(posted.length + 2)
  expect(sheet.getRow(2).getCell(1).value).toBe(posted[0]!.receipt.receiptNumber)

  // Print: the preview of the report in the print dialog.
  await page.getByRole('button', { name: 'Печать' }).click()
  const dialog = page
    .getByRole('dialog')
    .filter({ has: page.getByRole('heading', { name: 'Печать отчёта о платежах' }) })
  await expect(dialog).toBeVisible()
  const preview = dialog.frameLocator('iframe[title="Предварительный просмотр отчёта"]')
  await expect(preview.getByRole('heading', { name: 'Отчёт о платежах' })).toBeVisible()
  await expect(preview.getByText(posted[1]!.receipt.receiptNumber)).toBeVisible()
  await dialog.getByRole('button', { name: 'Закрыть' }).click()
  await expect(dialog).toBeHidden()

  // The day, for an operator: only their own payments, and the same total.
  await page.getByRole('radio', { name: 'День' }).check()
  await expect(page.getByRole('combobox', { name: 'Отделение' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Показать' }).click()
  await expect(page.getByTestId('report-title')).toContainText('Платежи за')
  await expect(page.getByText(/Показаны только ваши платежи/)).toBeVisible()
  await expect(page.getByTestId('report-total')).toHaveText(formatMoney(total))
  await page.screenshot({ path: test.info().outputPath('reports-day.png'), fullPage: true })
})

test('a supervisor sees the day of every office, by office and counter', async ({ page, desk }) => {
  const office = await signInAtCounter(page, desk, supervisor)
  const posted = await payments(page, desk.dbPath, [70_000])
  const total = posted[0]!.receipt.amountKopecks

  await page.getByRole('link', { name: 'Отчёты' }).click()
  await page.getByRole('radio', { name: 'День' }).check()
  const officeSelect = page.getByRole('combobox', { name: 'Отделение' })
  await expect(officeSelect).toHaveValue(office.name)
  await page.getByRole('button', { name: 'Показать' }).click()
  await expect(page.getByTestId('report-title')).toContainText(office.name)
  await expect(page.getByTestId('report-total')).toHaveText(formatMoney(total))
  await expect(page.getByText(/Показаны только ваши платежи/)).toHaveCount(0)

  // From the keyboard: Enter opens the list.
  await officeSelect.focus()
  await page.keyboard.press('Enter')
  await page.getByRole('option', { name: 'Все отделения', exact: true }).click()
  await page.getByRole('button', { name: 'Показать' }).click()
  await expect(page.getByTestId('report-title')).toContainText('все отделения')
  const byOffice = page.getByRole('table', { name: 'По отделениям' })
  await expect(byOffice.getByRole('row', { name: new RegExp(office.name) })).toContainText(formatMoney(total))
  const byCounter = page.getByRole('table', { name: 'По окнам' })
  await expect(byCounter.getByRole('row', { name: new RegExp(`${office.name}, окно 3`) })).toBeVisible()
  await expectAllControlsNamed(page, 'отчёт за день по всем отделениям')
})
