// The personal cabinet at the counter: a customer found by surname is registered on their
// passport and leaves with a slip; later they forget the password and get a new one. The form
// opens where typing starts, and the holder is picked by a digit or a name.
import { DEMO_CLERKS } from '../../src/main/demo/credentials'
import type { AccountPerson } from '../../src/shared/domain/account'
import { cabinetSignIn, household, sampleAccount } from './data'
import { expect, test } from './fixtures'
import { CabinetForms } from './pages/cabinet-forms'
import { DeskPage } from './pages/desk-page'

const operator = DEMO_CLERKS.find((c) => c.role === 'operator')!
const PASSPORT = '45 06 123456'

test('register a customer found by surname, print the slip, then reset the forgotten password', async ({
  page,
  desk,
}) => {
  const d = new DeskPage(page)
  const forms = new CabinetForms(page)
  const owner = await sampleAccount(desk.dbPath, 5)
  await d.open(desk.url)
  await d.signInToDesk(operator.login, operator.password)

  // Find the account by the owner's surname and first name, open it from the keyboard.
  await page.keyboard.type(`${owner.surname} ${owner.firstName}`)
  await d.openResult(owner.number)
  await expect(page.getByRole('heading', { name: 'Личный кабинет' })).toBeVisible()
  await expect(page.getByText('не зарегистрирован')).toBeVisible()

  // F7 opens registration; a malformed passport is refused at its fields, nothing is sent.
  await page.keyboard.press('F7')
  await expect(forms.dialog.getByText(`Регистрация в личном кабинете — счёт ${owner.number}`)).toBeVisible()
  await forms.fillPassport(owner, '45O6 12345')
  await forms.field('Кем выдан').fill('<script>alert(1)</script>')
  await forms.field('Кем выдан').press('Enter')
  await expect(forms.field('Серия и номер паспорта')).toHaveAttribute('aria-invalid', 'true')
  await expect(forms.field('Кем выдан')).toHaveAttribute('aria-invalid', 'true')
  await expect(forms.field('Серия и номер паспорта')).toBeFocused()

  await forms.fillPassport(owner, PASSPORT)
  await forms.field('Код подразделения').press('Enter')

  // The slip: login is the account number, a 10-character one-time password, both in the preview.
  await expect(forms.slip).toBeVisible()
  await expect(forms.issuedLogin).toHaveText(owner.number)
  const password = (await forms.issuedPassword.innerText()).trim()
  expect(password).toMatch(/^[A-HJ-NP-Za-km-np-z2-9]{10}$/)
  await expect(forms.preview().getByText(password)).toBeVisible()
  await expect(forms.preview().getByText('•• •• •••456')).toBeVisible()
  await expect(forms.preview().getByText('123456')).toHaveCount(0)
  expect(await cabinetSignIn(desk.dbPath, owner.number, password)).toMatchObject({
    ok: true,
    mustChange: true,
  })
  await forms.closeSlipUnprinted()
  await expect(page.getByText('ждёт смены временного пароля')).toBeVisible()

  // The passport is on file, masked; «Показать» reveals it.
  const row = page.getByRole('row').filter({ hasText: `${owner.surname} ${owner.firstName}` })
  await expect(row.getByText('•• •• •••456')).toBeVisible()
  await row.getByRole('button', { name: /^Показать/ }).click()
  await expect(row.getByText(PASSPORT)).toBeVisible()

  // The customer forgot the password: a wrong passport first, then the right one.
  await page.keyboard.press('F7')
  await expect(forms.dialog.getByText('записан паспорт •• •• •••456')).toBeVisible()
  await forms.field('Серия и номер паспорта').fill('4506 654321')
  await forms.field('Серия и номер паспорта').press('Enter')
  await expect(d.alert('Осталось попыток сегодня: 2')).toBeVisible()
  await forms.field('Серия и номер паспорта').fill(PASSPORT)
  await forms.field('Серия и номер паспорта').press('Enter')
  await expect(forms.slip).toBeVisible()
  await expect(forms.preview().getByText('Новый пароль личного кабинета')).toBeVisible()
  await expect(forms.preview().getByText('Прежний пароль больше не действует.')).toBeVisible()
  const fresh = (await forms.issuedPassword.innerText()).trim()
  expect(fresh).not.toBe(password)
  expect(await cabinetSignIn(desk.dbPath, owner.number, password)).toEqual({
    ok: false,
    reason: 'wrong_password',
  })
  expect(await cabinetSignIn(desk.dbPath, owner.number, fresh)).toMatchObject({ ok: true, mustChange: true })
  await forms.closeSlipUnprinted()

  // «паспорт 45 06 123456» in the search field finds the account.
  await page.keyboard.press('F2')
  await page.keyboard.type(`паспорт ${PASSPORT}`)
  await expect(d.options.filter({ hasText: owner.number })).toBeVisible()
  await expect(d.options.first()).toContainText('по паспорту')
})

test('a second registration of the same account is refused with a pointer to the reset', async ({
  page,
  desk,
}) => {
  const d = new DeskPage(page)
  const forms = new CabinetForms(page)
  const owner = await sampleAccount(desk.dbPath, 9)
  await d.open(desk.url)
  await d.signInToDesk(operator.login, operator.password)
  await page.keyboard.type(owner.number)
  await d.openResult(owner.number)
  await page.keyboard.press('F7')
  await forms.fillPassport(owner, '46 01 000111')
  await forms.field('Код подразделения').press('Enter')
  await expect(forms.slip).toBeVisible()
  await forms.closeSlipUnprinted()
  await expect(page.getByRole('button', { name: /Зарегистрировать/ })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /Сбросить пароль/ })).toBeVisible()
})

test('the registration form opens on the first empty field; with several people a digit or a name picks', async ({
  page,
  desk,
}) => {
  const d = new DeskPage(page)
  const forms = new CabinetForms(page)
  const single = await household(desk.dbPath, 'one', 2)
  const family = await household(desk.dbPath, 'several', 2)
  await d.open(desk.url)
  await d.signInToDesk(operator.login, operator.password)

  await test.step('one person: the name and birth date are filled in, focus is on the series', async () => {
    await page.keyboard.type(single.number)
    await d.openResult(single.number)
    await page.keyboard.press('F7')
    await expect(forms.field('Фамилия')).toHaveValue(single.persons[0]!.surname)
    await expect(forms.field('Серия и номер паспорта')).toBeFocused()
    await forms.dialog.getByRole('button', { name: 'Отмена' }).click()
    await expect(forms.dialog).toBeHidden()
  })

  const [first, second] = family.persons as [AccountPerson, AccountPerson]
  const whose = forms.dialog.getByRole('radiogroup', { name: 'Чей паспорт' })
  await test.step('several: the choice has focus; «2» picks the second person and goes to the series', async () => {
    await page.keyboard.press('F2')
    await page.keyboard.type(family.number)
    await d.openResult(family.number)
    await page.keyboard.press('F7')
    await expect(whose.getByRole('radio', { name: `1 ${first.fullName}` })).toBeFocused()
    await page.keyboard.press('2')
    await expect(whose.getByRole('radio', { name: `2 ${second.fullName}` })).toBeChecked()
    await expect(forms.field('Фамилия')).toHaveValue(second.surname)
    await expect(forms.field('Серия и номер паспорта')).toBeFocused()
    await page.keyboard.type('4509 123450')
    await expect(forms.field('Серия и номер паспорта')).toHaveValue('4509 123450')
    await forms.dialog.getByRole('button', { name: 'Отмена' }).click()
    await expect(forms.dialog).toBeHidden()
  })

  await test.step('several: the start of the second person’s name picks them, Enter goes on', async () => {
    await page.keyboard.press('F7')
    await expect(whose.getByRole('radio', { name: `1 ${first.fullName}` })).toBeFocused()
    const name = second.fullName.toLowerCase()
    const prefix = name.slice(
      0,
      [...name].findIndex((_, i) => !first.fullName.toLowerCase().startsWith(name.slice(0, i + 1))) + 1,
    )
    // Key by key as on the Russian layout: Playwright's keyboard knows only the US one, and `type`
    // would insert Cyrillic text without any key presses.
    for (const key of prefix) await page.locator(':focus').dispatchEvent('keydown', { key })
    await expect(whose.getByRole('radio', { name: `2 ${second.fullName}` })).toBeChecked()
    await expect(forms.field('Фамилия')).toHaveValue(second.surname)
    await page.keyboard.press('Enter')
    await expect(forms.field('Серия и номер паспорта')).toBeFocused()
  })
})
