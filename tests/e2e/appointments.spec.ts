// Reception appointments at the counter, on a Monday morning when the offices receive: the clerk
// books a visit for an account from its card (topic and time picked with the keyboard), prints
// the ticket, and marks the visitor arrived on the day board; books a walk-in from a free cell of
// the board and cancels it with a reason; and bad input (a phone with letters, a 2,000-character
// name) is refused at its fields with nothing saved.
import type { Page } from '@playwright/test'
import { DEMO_CLERKS } from '../../src/main/demo/credentials'
import { openDb } from '../../src/main/db/connection'
import { DEFAULT_TOPICS } from '../../src/main/db/migrations/005_appointments'
import { PHONE_MESSAGE } from '../../src/shared/contact'
import { sampleAccount } from './data'
import { expect, test } from './fixtures'
import { AccountCard } from './pages/account-card'
import { AppointmentDesk } from './pages/appointment-desk'
import { DeskPage } from './pages/desk-page'
import { shot } from './shots'

const operator = DEMO_CLERKS.find((c) => c.role === 'operator')!
/** Monday 23 November 2026, 08:30 in Sevastopol: the offices open at 08:00. */
const MONDAY = '2026-11-23T05:30:00.000Z'
const RECALCULATION = DEFAULT_TOPICS.find((t) => t.code === 'recalculation')!

test.use({ deskClock: MONDAY })

interface StoredAppointment {
  status: string
  cancel_reason: string | null
  account_id: string | null
  date: string
  starts: string
  office_name: string
  office_address: string
}

/** The desk's appointments: how many there are, and one by its ticket code on a day. */
async function stored(dbPath: string, code?: string): Promise<{ count: number; row?: StoredAppointment }> {
  const db = openDb({ client: 'sqlite', filename: dbPath })
  try {
    const count = Number(((await db.knex('appointments').count({ n: '*' }).first()) as { n: number }).n)
    if (!code) return { count }
    const row = (await db
      .knex('appointments as ap')
      .join('offices as o', 'o.id', 'ap.office_id')
      .where({ 'ap.ticket_code': code, 'ap.date': '2026-11-23' })
      .first(
        'ap.status',
        'ap.cancel_reason',
        'ap.account_id',
        'ap.date',
        'ap.starts',
        'o.name as office_name',
        'o.address as office_address',
      )) as StoredAppointment | undefined
    return { count, row }
  } finally {
    await db.close()
  }
}

/** The operator signed in at the desk. */
async function signedIn(page: Page, url: string): Promise<AppointmentDesk> {
  const d = new DeskPage(page)
  await d.open(url)
  await d.signInToDesk(operator.login, operator.password)
  return new AppointmentDesk(page)
}

test('book for an account from its card, print the ticket, mark the visitor arrived on the day board', async ({
  page,
  desk,
}) => {
  const account = await sampleAccount(desk.dbPath, 7)
  const appt = await signedIn(page, desk.url)
  const d = new DeskPage(page)
  const card = new AccountCard(page)
  await page.keyboard.type(account.number)
  await d.openResult(account.number)

  let time = ''
  await test.step('F12 on the card: the form for this account; the topic and a free time from the keyboard', async () => {
    await expect(page.getByRole('button', { name: 'Записать на приём F12' })).toBeVisible()
    await page.keyboard.press('F12')
    await expect(appt.booking.getByText(`Запись на приём — счёт ${account.number}`)).toBeVisible()
    await expect(appt.name).toHaveValue(new RegExp(`^${account.surname} ${account.firstName}`))
    await expect(appt.topic('Консультация')).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await expect(appt.topic(RECALCULATION.name)).toBeChecked()
    await expect(appt.booking.getByText(`Взять с собой: ${RECALCULATION.bring}`)).toBeVisible()
    await page.keyboard.press('Tab')
    await expect(appt.days).toBeFocused()
    await expect(appt.selected(appt.days)).toHaveAccessibleName(/^пн, 23\.11\.2026 — свободно: \d+$/)
    await page.keyboard.press('Tab')
    await expect(appt.times).toBeFocused()
    await page.keyboard.press('ArrowRight')
    const label = (await appt.selected(appt.times).getAttribute('aria-label')) ?? ''
    expect(label).toMatch(/^\d\d:\d\d–\d\d:\d\d, свободно мест: \d$/)
    time = label.slice(0, 5)
    expect(time >= '09:30').toBe(true)
    await shot(page, 'appt-book-account')
    // The payer is named already: Enter on the time books.
    await page.keyboard.press('Enter')
  })

  let code = ''
  await test.step('the ticket: office and address, date, time, topic, code, what to bring; Ctrl+P prints', async () => {
    await expect(appt.ticket).toBeVisible()
    await expect(appt.booking).toBeHidden()
    code = await appt.ticketCode()
    expect(code.startsWith('П-')).toBe(true)
    const saved = (await stored(desk.dbPath, code)).row
    expect(saved).toMatchObject({ status: 'booked', account_id: account.accountId, starts: time })
    const preview = appt.ticketPreview()
    await expect(preview.getByText(`Талон ${code}`)).toBeVisible()
    await expect(preview.getByText('23.11.2026, понедельник')).toBeVisible()
    await expect(preview.getByText(new RegExp(`^${time}–\\d\\d:\\d\\d$`))).toBeVisible()
    await expect(preview.getByText(RECALCULATION.name, { exact: true })).toBeVisible()
    await expect(preview.getByText(saved!.office_name, { exact: true })).toBeVisible()
    await expect(preview.getByText(saved!.office_address, { exact: true })).toBeVisible()
    await expect(preview.getByText(account.number, { exact: true })).toBeVisible()
    for (const item of RECALCULATION.bring.split(';')) {
      await expect(preview.getByText(`• ${item.trim()}`, { exact: true })).toBeVisible()
    }
    await shot(page, 'appt-ticket-account')
    await page.keyboard.press('Control+P')
    await expect(appt.ticket.getByRole('status')).toHaveText('Талон отправлен на печать.')
    await appt.closeTicket()
  })

  await test.step('the card lists the appointment', async () => {
    const tab = page.getByRole('tab', { name: 'Записи на приём' })
    await card.showTab(tab)
    const row = page
      .getByRole('tabpanel', { name: 'Записи на приём' })
      .getByRole('row')
      .filter({ hasText: code })
    await expect(row).toContainText('записан')
    await expect(row).toContainText(`пн, 23.11.2026, ${time}`)
    await shot(page, 'appt-card-list')
  })

  await test.step('on the day board: walk to the visit with the arrows, Enter, «Пришёл»', async () => {
    await page.getByRole('link', { name: 'Запись на приём F12' }).click()
    await expect(appt.heading).toBeVisible()
    const cell = appt.appointmentCell(code)
    // Seen once in CI: the cell was not found. Say what the board showed instead.
    await expect(cell)
      .toHaveAccessibleName(new RegExp(`^${time}, место \\d, записан: талон ${code}, `))
      .catch(async (err: unknown) => {
        throw new Error(`${String(err)}\nНа экране: ${await appt.describeBoard()}`)
      })
    await appt.walkTo(cell)
    await page.keyboard.press('Enter')
    await expect(appt.actions).toBeVisible()
    const arrived = appt.actions.getByRole('button', { name: 'Пришёл', exact: true })
    await expect(arrived).toBeFocused()
    await shot(page, 'appt-actions')
    await page.keyboard.press('Enter')
    await expect(appt.actions).toBeHidden()
    await expect(cell).toHaveAccessibleName(new RegExp(`^${time}, место \\d, пришёл: талон ${code}, `))
    await expect(cell).toBeFocused()
    await shot(page, 'appt-board')
    expect((await stored(desk.dbPath, code)).row?.status).toBe('arrived')
  })

  await test.step('search finds it by ticket code', async () => {
    await appt.search(code)
    await expect(appt.hit(code, `пн, 23.11.2026, ${time}`)).toContainText('пришёл')
    await shot(page, 'appt-search')
  })
})

test('a walk-in booked from a free cell of the board, then cancelled with a reason', async ({
  page,
  desk,
}) => {
  const appt = await signedIn(page, desk.url)
  await appt.open()

  await test.step('PageDown / PageUp on the board and ← → outside it change the day', async () => {
    const date = page.getByRole('textbox', { name: 'Дата (ДД.ММ.ГГГГ)' })
    await expect(date).toHaveValue('23.11.2026')
    await page.keyboard.press('PageDown')
    await expect(page.getByRole('heading', { name: /^Приём вт, 24\.11\.2026/ })).toBeVisible()
    await expect(date).toHaveValue('24.11.2026')
    await expect(appt.focusedCell()).toHaveCount(1)
    await page.keyboard.press('PageUp')
    await expect(page.getByRole('heading', { name: /^Приём пн, 23\.11\.2026/ })).toBeVisible()
    await page.getByRole('button', { name: 'Сегодня' }).focus()
    await page.keyboard.press('ArrowLeft')
    await expect(date).toHaveValue('22.11.2026')
    await expect(page.getByText('Отделение не принимает в этот день: Выходной день.')).toBeVisible()
    await page.keyboard.press('ArrowRight')
    await expect(date).toHaveValue('23.11.2026')
    await expect(appt.board).toBeVisible()
    await appt.board.getByRole('gridcell').first().click()
  })

  const free = appt.cell(/^\d\d:\d\d, место \d, свободно$/).first()
  const time = ((await free.getAttribute('aria-label')) ?? '').slice(0, 5)
  let code = ''
  await test.step('Enter on a free cell: the form with that time; name and phone; Enter books', async () => {
    await appt.walkTo(free)
    await page.keyboard.press('Enter')
    await expect(appt.times).toBeFocused()
    await expect(appt.selected(appt.times)).toHaveAccessibleName(new RegExp(`^${time}–`))
    await page.keyboard.press('Enter')
    await expect(appt.name).toBeFocused()
    await page.keyboard.type('Ковалёва Анна Петровна')
    await page.keyboard.press('Tab')
    await expect(appt.phone).toBeFocused()
    await page.keyboard.type('+7 978 555-12-34')
    await page.keyboard.press('Enter')
    await expect(appt.ticket).toBeVisible()
    code = await appt.ticketCode()
    await page.keyboard.press('Escape')
    await expect(appt.ticket).toBeHidden()
    await expect(appt.appointmentCell(code)).toBeFocused()
  })

  await test.step('Enter on it, «Отменить…»: a reason is required; then the place is free again', async () => {
    await page.keyboard.press('Enter')
    await expect(appt.actions).toBeVisible()
    await appt.actions.getByRole('button', { name: 'Отменить…' }).click()
    await expect(appt.reason).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(appt.reason).toHaveAccessibleDescription('Укажите причину отмены')
    await expect(appt.reason).toHaveAttribute('aria-invalid', 'true')
    await appt.reason.fill('Клиент позвонил и отказался')
    await shot(page, 'appt-cancel')
    await page.keyboard.press('Enter')
    await expect(appt.cancelling).toBeHidden()
    await expect(appt.appointmentCell(code)).toHaveCount(0)
    const row = appt.released.getByRole('row').filter({ hasText: code })
    await expect(row).toContainText('отменена')
    await expect(row).toContainText('Клиент позвонил и отказался')
    expect((await stored(desk.dbPath, code)).row).toMatchObject({
      status: 'cancelled',
      cancel_reason: 'Клиент позвонил и отказался',
    })
    await shot(page, 'appt-board-cancelled')
  })
})

test('bad input: a 2,000-character name and a phone with letters are refused at their fields, nothing saved', async ({
  page,
  desk,
}) => {
  const appt = await signedIn(page, desk.url)
  await appt.open()
  const before = (await stored(desk.dbPath)).count

  await appt.walkTo(appt.cell(/^\d\d:\d\d, место \d, свободно$/).first())
  await page.keyboard.press('Enter')
  await expect(appt.times).toBeFocused()
  await appt.name.fill('Я'.repeat(2000))
  await appt.phone.fill('8 978 пять 45 67')
  await appt.submit.click()
  await expect(appt.name).toHaveAccessibleDescription('ФИО: не длиннее 200 символов')
  await expect(appt.name).toHaveAttribute('aria-invalid', 'true')
  await expect(appt.name).toBeFocused()

  await appt.name.fill('Сидоров Сидор Сидорович')
  await appt.name.press('Enter')
  await expect(appt.phone).toHaveAccessibleDescription(PHONE_MESSAGE)
  await expect(appt.phone).toHaveAttribute('aria-invalid', 'true')
  await expect(appt.name).not.toHaveAttribute('aria-invalid', 'true')
  await expect(appt.phone).toBeFocused()
  await shot(page, 'appt-bad-input')
  await page.keyboard.press('Escape')
  await expect(appt.booking).toBeHidden()
  expect((await stored(desk.dbPath)).count).toBe(before)
})
