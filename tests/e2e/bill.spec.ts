// The monthly bill on the account card: Ctrl+B on the charges tab opens the last charged month;
// the preview's page, printed to PDF and turned into an image at 150 dpi as a scanner would see
// it, carries a QR code that decodes to the ГОСТ Р 56042-2014 payload for the debt at the end of
// that month; in browser mode «Сохранить PDF» goes through the browser's print dialog.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { DEMO_CLERKS } from '../../src/main/demo/credentials'
import { openDb } from '../../src/main/db/connection'
import { formatAddressLine } from '../../src/shared/address'
import { formatPeriodRu, lastDay } from '../../src/shared/billing/period'
import { formatMoney } from '../../src/shared/money'
import { paymentQrForAccount, type PayeeRequisites } from '../../src/shared/payment-qr'
import { sampleAccount } from './data'
import { expect, test } from './fixtures'
import { AccountCard } from './pages/account-card'
import { DeskPage } from './pages/desk-page'

const operator = DEMO_CLERKS.find((c) => c.role === 'operator')!

interface BillFacts {
  organisation: PayeeRequisites
  period: string
  /** Opening debt + charges up to the month − payments up to its last day. */
  debtKopecks: number
  address: string
  apartment: string | null
  owners: Array<{ surname: string; firstName: string; patronymic: string | null }>
}

/** What the bill must say, read straight from the desk's database. */
async function billFacts(dbPath: string, accountId: string): Promise<BillFacts> {
  const db = openDb({ client: 'sqlite', filename: dbPath })
  const knex = db.knex
  const sum = async (q: ReturnType<typeof knex>): Promise<number> =>
    Number(((await q.sum({ s: 'amount_kopecks' }).first()) as { s: number | null }).s ?? 0)
  try {
    const organisation = (await knex('organisation').first()) as PayeeRequisites
    const { period } = (await knex('charges')
      .where('account_id', accountId)
      .max({ period: 'period' })
      .first()) as {
      period: string
    }
    const opening = await sum(knex('opening_balances').where('account_id', accountId))
    const charged = await sum(knex('charges').where('account_id', accountId).where('period', '<=', period))
    const paid = await sum(
      knex('payments').where('account_id', accountId).where('business_date', '<=', lastDay(period)),
    )
    const place = (await knex('accounts as a')
      .join('addresses as ad', 'ad.id', 'a.address_id')
      .join('streets as s', 's.id', 'ad.street_id')
      .where('a.id', accountId)
      .select('s.locality', 's.kind', 's.name', 'ad.house', 'ad.apartment')
      .first()) as { locality: string; kind: string; name: string; house: string; apartment: string | null }
    const owners = (await knex('account_persons as ap')
      .join('persons as p', 'p.id', 'ap.person_id')
      .where({ 'ap.account_id': accountId, 'ap.owner': true })
      .select('p.surname', 'p.first_name as firstName', 'p.patronymic')) as BillFacts['owners']
    return {
      organisation,
      period,
      debtKopecks: opening + charged - paid,
      address: `${place.locality}, ${formatAddressLine({ ...place, street: place.name })}`,
      apartment: place.apartment,
      owners,
    }
  } finally {
    await db.close()
  }
}

/** The text of the QR code jsQR finds on a PNG page, or null. */
function decodeQr(pngPath: string): string | null {
  const png = PNG.sync.read(readFileSync(pngPath))
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null
}

test('the bill of the last charged month: preview, PDF at 150 dpi, and a QR that decodes to the ГОСТ payload', async ({
  page,
  desk,
}, testInfo) => {
  const sample = await sampleAccount(desk.dbPath, 11)
  const facts = await billFacts(desk.dbPath, sample.accountId)
  const month = formatPeriodRu(facts.period)
  const d = new DeskPage(page)
  const card = new AccountCard(page)
  await d.open(desk.url)
  await d.signInToDesk(operator.login, operator.password)
  await page.keyboard.type(sample.number)
  await d.openResult(sample.number)
  await card.showTab(card.billingTab)

  // Ctrl+B on the charges tab: the bill of the last month with charges.
  const button = card.billingPanel.getByRole('button', { name: /^Квитанция/ })
  await expect(button).toHaveAttribute('aria-keyshortcuts', 'Control+B')
  await page.keyboard.press('Control+B')
  const dialog = page
    .getByRole('dialog')
    .filter({ has: page.getByRole('heading', { name: 'Квитанция за месяц' }) })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('combobox', { name: 'Месяц квитанции' })).toBeVisible()
  await expect(dialog.getByText(month, { exact: true })).toBeVisible()
  const frameTitle = `Предварительный просмотр квитанции за ${month}`
  const preview = page.frameLocator(`iframe[title="${frameTitle}"]`)
  await expect(preview.getByRole('heading', { name: `Единый платёжный документ за ${month}` })).toBeVisible()
  await expect(preview.getByRole('row', { name: new RegExp(`Лицевой счёт ${sample.number}`) })).toBeVisible()
  const due = Math.max(0, facts.debtKopecks)
  await expect(
    preview.getByRole('row', {
      name: `${facts.debtKopecks >= 0 ? 'Итого к оплате' : 'Переплата'} ${formatMoney(Math.abs(facts.debtKopecks))}`,
    }),
  ).toBeVisible()
  await expect(preview.getByRole('columnheader', { name: 'Перерасчёт' })).toBeVisible()
  await expect(preview.getByText(`Расчётный счёт ${facts.organisation.settlement_account} в `)).toBeVisible()
  await dialog.screenshot({ path: testInfo.outputPath('bill-dialog.png') })

  // The payer the bill names is one of the owners: the QR carries that name.
  const payerName = (
    await preview
      .getByRole('row', { name: /^Плательщик/ })
      .getByRole('cell')
      .innerText()
  ).trim()
  const payer = facts.owners.find(
    (o) => [o.surname, o.firstName, o.patronymic].filter(Boolean).join(' ') === payerName,
  )
  expect(payer, `плательщик «${payerName}» — не собственник`).toBeDefined()
  const expected = paymentQrForAccount(facts.organisation, {
    accountNumber: sample.number,
    period: facts.period,
    sumKopecks: due,
    surname: payer!.surname,
    firstName: payer!.firstName,
    patronymic: payer!.patronymic,
    address: facts.address,
    flat: facts.apartment,
  })
  expect(expected).toMatch(
    new RegExp(
      `\\|PersAcc=${sample.number}\\|PaymPeriod=${facts.period.slice(5)}${facts.period.slice(0, 4)}\\|`,
    ),
  )

  // The preview's own page, printed to PDF by Chromium and rasterised at 150 dpi.
  const html = await page.locator(`iframe[title="${frameTitle}"]`).getAttribute('srcdoc')
  expect(html).toContain('<!doctype html>')
  const pdfPage = await page.context().newPage()
  await pdfPage.setContent(html!, { waitUntil: 'load' })
  const pdfPath = testInfo.outputPath('bill.pdf')
  writeFileSync(pdfPath, await pdfPage.pdf({ preferCSSPageSize: true, printBackground: true }))
  await pdfPage.close()
  const prefix = testInfo.outputPath('bill-page')
  execFileSync('pdftoppm', ['-png', '-r', '150', pdfPath, prefix])
  const pages = readdirSync(dirname(prefix))
    .filter((f) => f.startsWith('bill-page') && f.endsWith('.png'))
    .sort()
  expect(pages, 'квитанция — одна страница A4').toHaveLength(1)
  const png = join(dirname(prefix), pages[0]!)
  const { width, height } = PNG.sync.read(readFileSync(png))
  // A4 at 150 dpi: 1240 × 1754 pixels.
  expect(Math.abs(width - 1240)).toBeLessThan(5)
  expect(Math.abs(height - 1754)).toBeLessThan(5)
  expect(decodeQr(png)).toBe(expected)
  await testInfo.attach('bill-page', { path: png, contentType: 'image/png' })

  // Browser mode has no PDF maker in main: the browser's print dialog saves the preview as PDF.
  await page.keyboard.press('Control+S')
  await expect(dialog.getByRole('status')).toHaveText('В окне печати выберите принтер «Сохранить как PDF».')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})
