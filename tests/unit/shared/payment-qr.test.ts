import { describe, expect, it } from 'vitest'
import {
  buildGostPayload,
  GOST_MAX_LENGTH,
  parseGostPayload,
  paymentPurpose,
  paymentQrForAccount,
  type GostFields,
} from '../../../src/shared/payment-qr'

/**
 * A reader of ГОСТ Р 56042-2014 written from the standard, independently of the module under
 * test: 7 header characters, the 8th is the separator, then Key=Value pairs in order.
 */
function readGost(text: string): { encoding: string; separator: string; pairs: Array<[string, string]> } {
  expect(text.slice(0, 6)).toBe('ST0001')
  const encoding = text.charAt(6)
  const separator = text.charAt(7)
  const pairs = text
    .slice(8)
    .split(separator)
    .map((part): [string, string] => {
      const at = part.indexOf('=')
      expect(at, `«${part}» has no =`).toBeGreaterThan(0)
      return [part.slice(0, at), part.slice(at + 1)]
    })
  return { encoding, separator, pairs }
}

const keys = (text: string): string[] => readGost(text).pairs.map(([k]) => k)
const value = (text: string, key: string): string | undefined =>
  readGost(text).pairs.find(([k]) => k === key)?.[1]

const REQUIRED: GostFields = {
  name: 'ГУП «ЕИРЦ»',
  personalAcc: '40602810000000000001',
  bankName: 'АО «ДЕМО-БАНК»',
  bic: '046799999',
  correspAcc: '30101810000000000999',
}

const ORG = {
  name: 'Государственное унитарное предприятие «Единый информационно-расчётный центр» (ДЕМО)',
  short_name: 'ЕИРЦ (демо)',
  inn: '9204000005',
  kpp: '920401001',
  bank_name: 'АО «ДЕМО-БАНК»',
  bic: '046799999',
  settlement_account: '40602810000000000001',
  correspondent_account: '30101810000000000999',
}

describe('buildGostPayload', () => {
  it('starts with ST00012 and separates required fields with | in the standard’s order', () => {
    const text = buildGostPayload(REQUIRED)
    expect(text).toBe(
      'ST00012|Name=ГУП «ЕИРЦ»|PersonalAcc=40602810000000000001|BankName=АО «ДЕМО-БАНК»|BIC=046799999|CorrespAcc=30101810000000000999',
    )
    const read = readGost(text)
    expect(read.encoding).toBe('2')
    expect(read.separator).toBe('|')
    expect(keys(text)).toEqual(['Name', 'PersonalAcc', 'BankName', 'BIC', 'CorrespAcc'])
  })

  it('puts the optional fields after the required ones, in a fixed order, whatever the input order', () => {
    const text = buildGostPayload({
      techCode: '02',
      flat: '12',
      payerAddress: 'г. Севастополь, ул. Нахимова, д. 5, кв. 12',
      middleName: 'Петровна',
      firstName: 'Анна',
      lastName: 'Иванова',
      paymPeriod: '112026',
      persAcc: '1000000012',
      purpose: 'Оплата ЖКУ за 11.2026, л/с 1000000012',
      sumKopecks: 123456,
      kpp: '920401001',
      payeeInn: '9204000005',
      ...REQUIRED,
    })
    expect(keys(text)).toEqual([
      'Name',
      'PersonalAcc',
      'BankName',
      'BIC',
      'CorrespAcc',
      'PayeeINN',
      'KPP',
      'Sum',
      'Purpose',
      'PersAcc',
      'PaymPeriod',
      'LastName',
      'FirstName',
      'MiddleName',
      'PayerAddress',
      'Flat',
      'TechCode',
    ])
    expect(value(text, 'Sum')).toBe('123456')
    expect(value(text, 'LastName')).toBe('Иванова')
  })

  it('chooses another separator for every field when a value contains |', () => {
    const text = buildGostPayload({ ...REQUIRED, name: 'ООО «Тепло|Свет»', purpose: 'Оплата; л/с 1' })
    const read = readGost(text)
    expect(read.separator).not.toBe('|')
    expect(read.separator).not.toBe(';')
    expect(text).not.toContain(`${read.separator}${read.separator}`)
    expect(text.slice(8).split('|')).toHaveLength(2)
    expect(value(text, 'Name')).toBe('ООО «Тепло|Свет»')
    expect(value(text, 'Purpose')).toBe('Оплата; л/с 1')
    for (const [, v] of read.pairs) expect(v).not.toContain(read.separator)
  })

  it('skips a separator candidate that another value already holds', () => {
    const text = buildGostPayload({ ...REQUIRED, name: 'А|Б#В', purpose: 'Г;Д^Е' })
    const read = readGost(text)
    expect(['|', '#', ';', '^']).not.toContain(read.separator)
    expect(value(text, 'Name')).toBe('А|Б#В')
  })

  it('keeps Cyrillic as it is (UTF-8, encoding 2)', () => {
    const text = buildGostPayload({ ...REQUIRED, lastName: 'Щёлкова', payerAddress: 'ул. Ёлочная, д. 1' })
    expect(value(text, 'LastName')).toBe('Щёлкова')
    expect(value(text, 'PayerAddress')).toBe('ул. Ёлочная, д. 1')
    expect(readGost(text).encoding).toBe('2')
  })

  it('leaves out a sum of 0 kopecks, and empty optional values', () => {
    const text = buildGostPayload({ ...REQUIRED, sumKopecks: 0, purpose: '   ', lastName: '' })
    expect(keys(text)).toEqual(['Name', 'PersonalAcc', 'BankName', 'BIC', 'CorrespAcc'])
    expect(value(buildGostPayload({ ...REQUIRED, sumKopecks: 1 }), 'Sum')).toBe('1')
  })

  it('keeps a 160-character name whole and cuts a 200-character one to 160', () => {
    const name160 = 'Ж'.repeat(150) + 'ЕИРЦ123456'
    expect(name160).toHaveLength(160)
    expect(value(buildGostPayload({ ...REQUIRED, name: name160 }), 'Name')).toBe(name160)
    const name200 = 'Я'.repeat(200)
    expect(value(buildGostPayload({ ...REQUIRED, name: name200 }), 'Name')).toBe('Я'.repeat(160))
  })

  it('cuts BankName to 45 and Purpose to 210 characters', () => {
    const text = buildGostPayload({ ...REQUIRED, bankName: 'Б'.repeat(60), purpose: 'П'.repeat(300) })
    expect(value(text, 'BankName')).toHaveLength(GOST_MAX_LENGTH.BankName)
    expect(value(text, 'Purpose')).toHaveLength(210)
  })

  it('turns line breaks and tabs into spaces and trims the values', () => {
    const text = buildGostPayload({
      ...REQUIRED,
      name: '  ГУП\n«ЕИРЦ»\t ',
      payerAddress: 'ул. Нахимова,\r\nд. 5',
    })
    expect(value(text, 'Name')).toBe('ГУП «ЕИРЦ»')
    expect(value(text, 'PayerAddress')).toBe('ул. Нахимова, д. 5')
    expect(text).not.toMatch(/[\n\r\t]/)
  })

  it.each([
    [{ personalAcc: '4060281000000000000' }, /расчётный счёт — 20 цифр/],
    [{ personalAcc: '4060281000000000000A' }, /расчётный счёт/],
    [{ bic: '04679999' }, /БИК — 9 цифр/],
    [{ correspAcc: '' }, /корреспондентский счёт — 20 цифр/],
    [{ name: ' \n ' }, /наименование получателя/],
    [{ bankName: '' }, /банк получателя/],
    [{ payeeInn: '12345' }, /ИНН/],
    [{ kpp: '12' }, /КПП/],
    [{ paymPeriod: '2026-11' }, /ММГГГГ/],
    [{ sumKopecks: -1 }, /сумма/],
    [{ sumKopecks: 1.5 }, /сумма/],
  ] as Array<[Partial<GostFields>, RegExp]>)('refuses bad requisites %j', (bad, message) => {
    expect(() => buildGostPayload({ ...REQUIRED, ...bad })).toThrow(message)
  })
})

describe('paymentQrForAccount', () => {
  const payment = {
    accountNumber: '1000000012',
    period: '2026-11',
    sumKopecks: 345678,
    surname: 'Иванова',
    firstName: 'Анна',
    patronymic: null,
    address: 'г. Севастополь, ул. Нахимова, д. 5, кв. 12',
    flat: '12',
  }

  it('builds the bill’s payload from the organisation row and the account', () => {
    const text = paymentQrForAccount(ORG, payment)
    expect(Object.fromEntries(readGost(text).pairs)).toEqual({
      Name: ORG.name,
      PersonalAcc: ORG.settlement_account,
      BankName: ORG.bank_name,
      BIC: ORG.bic,
      CorrespAcc: ORG.correspondent_account,
      PayeeINN: ORG.inn,
      KPP: ORG.kpp,
      Sum: '345678',
      Purpose: 'Оплата ЖКУ за 11.2026, л/с 1000000012',
      PersAcc: '1000000012',
      PaymPeriod: '112026',
      LastName: 'Иванова',
      FirstName: 'Анна',
      PayerAddress: 'г. Севастополь, ул. Нахимова, д. 5, кв. 12',
      Flat: '12',
      TechCode: '02',
    })
  })

  it('writes the period as MMYYYY and the purpose with the month and account', () => {
    const text = paymentQrForAccount(ORG, { ...payment, period: '2027-01' })
    expect(value(text, 'PaymPeriod')).toBe('012027')
    expect(value(text, 'PaymPeriod')).toMatch(/^(0[1-9]|1[0-2])\d{4}$/)
    expect(paymentPurpose('0000000001', '2026-03')).toBe('Оплата ЖКУ за 03.2026, л/с 0000000001')
  })

  it('leaves the sum out when nothing is owed (an overpayment asks the payer for the amount)', () => {
    expect(keys(paymentQrForAccount(ORG, { ...payment, sumKopecks: 0 }))).not.toContain('Sum')
    expect(keys(paymentQrForAccount(ORG, { ...payment, sumKopecks: -500 }))).not.toContain('Sum')
  })

  it('takes the short name when the full one is over 160 characters', () => {
    const text = paymentQrForAccount({ ...ORG, name: 'Н'.repeat(161) }, payment)
    expect(value(text, 'Name')).toBe('ЕИРЦ (демо)')
  })

  it('refuses a period not written as YYYY-MM', () => {
    expect(() => paymentQrForAccount(ORG, { ...payment, period: '11.2026' })).toThrow(/ГГГГ-ММ/)
  })
})

describe('parseGostPayload', () => {
  it('reads back what buildGostPayload wrote, with either separator', () => {
    for (const name of ['ГУП «ЕИРЦ»', 'ООО «Тепло|Свет»']) {
      const text = paymentQrForAccount(
        { ...ORG, name },
        {
          accountNumber: '1000000012',
          period: '2026-11',
          sumKopecks: 100,
        },
      )
      const parsed = parseGostPayload(text)
      expect(parsed).toEqual({ ok: true, fields: Object.fromEntries(readGost(text).pairs) })
      expect(parsed.ok && parsed.fields.Name).toBe(name)
    }
  })

  it('accepts what a scanner types: a trailing Enter, another encoding digit, a value with =', () => {
    expect(parseGostPayload('ST00011|Name=А|PersAcc=1000000012|Sum=500\r\n')).toEqual({
      ok: true,
      fields: { Name: 'А', PersAcc: '1000000012', Sum: '500' },
    })
    expect(parseGostPayload('ST00012~Purpose=a=b~Sum=1')).toEqual({
      ok: true,
      fields: { Purpose: 'a=b', Sum: '1' },
    })
  })

  it('keeps the first of a repeated key', () => {
    expect(parseGostPayload('ST00012|Sum=1|Sum=2')).toEqual({ ok: true, fields: { Sum: '1' } })
    expect(parseGostPayload('ST00012|sum=1|SUM=2')).toEqual({ ok: true, fields: { Sum: '1' } })
  })

  it('matches the standard’s names without regard to case, as many real bills write them', () => {
    expect(parseGostPayload('ST00012|name=А|persAcc=1000000012|SUM=500|paymperiod=112026|Purpose=x')).toEqual(
      {
        ok: true,
        fields: { Name: 'А', PersAcc: '1000000012', Sum: '500', PaymPeriod: '112026', Purpose: 'x' },
      },
    )
    expect(parseGostPayload('ST00012|PERSACC=1000000012|Sum=1|techcode=02')).toEqual({
      ok: true,
      fields: { PersAcc: '1000000012', Sum: '1', TechCode: '02' },
    })
  })

  it('keeps a key the reader does not know as it is written', () => {
    expect(parseGostPayload('ST00012|PersAcc=1|DocIdx=77|payerInn=123')).toEqual({
      ok: true,
      fields: { PersAcc: '1', DocIdx: '77', payerInn: '123' },
    })
  })

  it.each([
    ['', /пуст/],
    ['1000000012', /не платёжный QR-код/],
    ['ST00012', /не платёжный QR-код/],
    ['ЫЕ00012|Name=А', /раскладке/],
    ['ST00012Name=А', /разделител/],
    ['ST00012|Name=А|мусор', /не «Поле=Значение»/],
    ['ST00012|=А', /не «Поле=Значение»/],
    ['ST00012|', /ни одного реквизита/],
  ])('refuses %j with a message in Russian', (text, message) => {
    const parsed = parseGostPayload(text)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.message).toMatch(message)
  })
})
