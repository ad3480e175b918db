import { describe, expect, it } from 'vitest'
import {
  birthdayAt,
  checkPassport,
  formatSeriesNumber,
  maskPassport,
  normalizeDepartmentCode,
  parseSeriesNumber,
  passportFieldsSchema,
  type PassportCheck,
  type PassportFields,
} from '../../../src/shared/passport'

const TODAY = '2026-05-01'

// Born 15.03.1990, passport replaced at 20 and shown in 2026: valid, no warnings.
const GOOD: PassportFields = {
  seriesNumber: '45 06 123456',
  issuedOn: '2015-06-20',
  issuedBy: 'ОТДЕЛОМ УФМС РОССИИ ПО Г. СЕВАСТОПОЛЮ',
  departmentCode: '910-001',
  birthDate: '1990-03-15',
}

function check(changes: Partial<PassportFields>, today = TODAY): PassportCheck {
  return checkPassport({ ...GOOD, ...changes }, today)
}

function errorsOf(result: PassportCheck): Partial<Record<keyof PassportFields, string>> {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result)}`)
  return result.errors
}

function warningsOf(result: PassportCheck): string[] {
  if (!result.ok) throw new Error(`expected a valid passport, got ${JSON.stringify(result.errors)}`)
  return result.warnings
}

describe('parseSeriesNumber', () => {
  it.each([
    '4506 123456',
    '45 06 123456',
    '45-06-123456',
    '4506123456',
    '45 06 № 123456',
    '45 06 №123456',
    'серия 4506 номер 123456',
    'Серия 45 06 Номер 123456',
    '  4506 123456  ',
    '45\u00a006\u00a0123456',
  ])('reads «%s» as series 4506, number 123456', (typed) => {
    expect(parseSeriesNumber(typed)).toEqual({ series: '4506', number: '123456' })
  })

  it('keeps leading zeros', () => {
    expect(parseSeriesNumber('01 02 003456')).toEqual({ series: '0102', number: '003456' })
  })

  it.each([
    ['Cyrillic О for zero', '45О6 123456'],
    ['Latin O for zero', '45O6 123456'],
    ['a letter in the number', '4506 12345б'],
    ['Latin letters', 'AB06 123456'],
    ['another word', 'паспорт 4506 123456'],
    ['a slash', '4506/123456'],
  ])('refuses letters or signs mixed into the digits: %s', (_, typed) => {
    expect(parseSeriesNumber(typed)).toBeNull()
  })

  it.each([
    ['3+6', '450 123456'],
    ['4+5', '4506 12345'],
    ['4+7', '4506 1234567'],
    ['9 digits', '450612345'],
    ['11 digits', '45061234567'],
    ['digits grouped off the printed boundaries', '450 6123456'],
    ['the number split', '4506 123 456'],
    ['no digits at all', 'серия номер'],
  ])('refuses wrong lengths: %s', (_, typed) => {
    expect(parseSeriesNumber(typed)).toBeNull()
  })

  it('refuses an empty string', () => {
    expect(parseSeriesNumber('')).toBeNull()
    expect(parseSeriesNumber('   ')).toBeNull()
  })
})

describe('normalizeDepartmentCode', () => {
  it.each(['770-001', '770001', '770 001', ' 770-001 ', '770–001'])('turns «%s» into 770-001', (typed) => {
    expect(normalizeDepartmentCode(typed)).toBe('770-001')
  })

  it.each(['', '77-0001', '7700011', '770-00', '77000', 'abc-def', '770--001', '770/001', '77О-001'])(
    'refuses «%s»',
    (typed) => {
      expect(normalizeDepartmentCode(typed)).toBeNull()
    },
  )
})

describe('formatSeriesNumber and maskPassport', () => {
  it('writes the passport as printed', () => {
    expect(formatSeriesNumber({ series: '4506', number: '123456' })).toBe('45 06 123456')
  })

  it('shows at most the last four digits: the series and the rest of the number are hidden', () => {
    expect(maskPassport({ series: '4506', number: '123456' })).toBe('•• •• •••456')
    expect(maskPassport({ series: '0102', number: '000789' })).toBe('•• •• •••789')
    for (const [series, number] of [
      ['4506', '123456'],
      ['9999', '987654'],
    ] as const) {
      const shown = maskPassport({ series, number }).replace(/\D/g, '')
      expect(shown.length).toBeLessThanOrEqual(4)
      expect(`${series}${number}`.endsWith(shown)).toBe(true)
    }
  })
})

describe('birthdayAt', () => {
  it('adds whole years', () => {
    expect(birthdayAt('1990-03-15', 14)).toBe('2004-03-15')
    expect(birthdayAt('1990-12-31', 20)).toBe('2010-12-31')
  })

  it('puts a 29 February birthday on 1 March in a non-leap year', () => {
    expect(birthdayAt('2000-02-29', 14)).toBe('2014-03-01')
    expect(birthdayAt('2000-02-29', 20)).toBe('2020-02-29')
    expect(birthdayAt('1980-02-29', 45)).toBe('2025-03-01')
    // 2100 is not a leap year although divisible by 4.
    expect(birthdayAt('2080-02-29', 20)).toBe('2100-03-01')
  })
})

describe('checkPassport: a good passport', () => {
  it('returns the parsed passport with a normalized department code and tidy «issued by»', () => {
    const result = check({
      seriesNumber: 'серия 4506 номер 123456',
      departmentCode: '910001',
      issuedBy: '  ОТДЕЛОМ   УФМС\nРОССИИ\tПО Г. СЕВАСТОПОЛЮ ',
    })
    expect(result).toEqual({
      ok: true,
      passport: {
        series: '4506',
        number: '123456',
        issuedOn: '2015-06-20',
        issuedBy: 'ОТДЕЛОМ УФМС РОССИИ ПО Г. СЕВАСТОПОЛЮ',
        departmentCode: '910-001',
        birthDate: '1990-03-15',
      },
      warnings: [],
    })
  })
})

describe('checkPassport: series and number', () => {
  it('refuses letters with a message about digits', () => {
    expect(errorsOf(check({ seriesNumber: '45О6 123456' })).seriesNumber).toMatch(/только цифры/)
    expect(errorsOf(check({ seriesNumber: 'AB06 123456' })).seriesNumber).toMatch(/только цифры/)
  })

  it('refuses wrong lengths with a message giving the lengths', () => {
    for (const seriesNumber of ['450 123456', '4506 12345', '4506 1234567']) {
      expect(errorsOf(check({ seriesNumber })).seriesNumber).toMatch(/4 цифры.*6 цифр/)
    }
  })

  it('asks for it when empty', () => {
    expect(errorsOf(check({ seriesNumber: '  ' })).seriesNumber).toMatch(/^Введите серию и номер/)
  })

  it('reports only the broken field', () => {
    expect(Object.keys(errorsOf(check({ seriesNumber: '4506' })))).toEqual(['seriesNumber'])
  })
})

describe('checkPassport: issue date', () => {
  it('refuses an impossible date such as 31.02', () => {
    expect(errorsOf(check({ issuedOn: '2020-02-31' })).issuedOn).toMatch(/существующую дату/)
    expect(errorsOf(check({ issuedOn: '2023-02-29' })).issuedOn).toMatch(/существующую дату/)
  })

  it('refuses a date not in ISO form and an empty one', () => {
    expect(errorsOf(check({ issuedOn: '20.06.2015' })).issuedOn).toMatch(/существующую дату/)
    expect(errorsOf(check({ issuedOn: '' })).issuedOn).toMatch(/^Введите дату выдачи/)
  })

  it('refuses a date in the future, accepts today', () => {
    expect(errorsOf(check({ issuedOn: '2026-05-02' })).issuedOn).toMatch(/позже сегодняшнего/)
    expect(check({ issuedOn: TODAY }).ok).toBe(true)
  })

  it('refuses a date before the first Russian passports (01.10.1997), a 1900 date included', () => {
    const old = { birthDate: '1960-01-01' }
    expect(errorsOf(check({ ...old, issuedOn: '1900-01-01' })).issuedOn).toMatch(/с 01\.10\.1997/)
    expect(errorsOf(check({ ...old, issuedOn: '1997-09-30' })).issuedOn).toMatch(/с 01\.10\.1997/)
    expect(check({ ...old, issuedOn: '1997-10-01' }).ok).toBe(true)
  })

  it('refuses an issue the day before the 14th birthday, accepts it on the birthday', () => {
    const born = { birthDate: '2000-05-10' }
    const early = errorsOf(check({ ...born, issuedOn: '2014-05-09' }, '2015-01-01'))
    expect(early.issuedOn).toMatch(/раньше 14-летия владельца \(10\.05\.2014\)/)
    expect(early.birthDate).toBeUndefined()
    expect(check({ ...born, issuedOn: '2014-05-10' }, '2015-01-01')).toMatchObject({ ok: true, warnings: [] })
  })

  it('puts the 14th birthday of someone born on 29 February on 1 March', () => {
    const born = { birthDate: '2000-02-29' }
    expect(errorsOf(check({ ...born, issuedOn: '2014-02-28' }, '2015-01-01')).issuedOn).toMatch(
      /01\.03\.2014/,
    )
    expect(check({ ...born, issuedOn: '2014-03-01' }, '2015-01-01').ok).toBe(true)
  })
})

describe('checkPassport: birth date', () => {
  it('refuses an impossible date', () => {
    expect(errorsOf(check({ birthDate: '1990-02-31' })).birthDate).toMatch(/существующую дату/)
    expect(errorsOf(check({ birthDate: '' })).birthDate).toMatch(/^Введите дату рождения/)
  })

  it('refuses a date in the future', () => {
    expect(errorsOf(check({ birthDate: '2030-01-01' })).birthDate).toMatch(/позже сегодняшнего/)
  })

  it('refuses a date before 01.01.1900, accepts 01.01.1900', () => {
    expect(errorsOf(check({ birthDate: '1899-12-31' })).birthDate).toMatch(/раньше 01\.01\.1900/)
    expect(check({ birthDate: '1900-01-01', issuedOn: '2001-01-01' }).ok).toBe(true)
  })

  it('refuses a holder younger than 14 today, accepts one who turns 14 today', () => {
    const young = errorsOf(check({ birthDate: '2012-05-02', issuedOn: TODAY }))
    expect(young.birthDate).toMatch(/нет 14 лет/)
    expect(check({ birthDate: '2012-05-01', issuedOn: TODAY })).toMatchObject({ ok: true, warnings: [] })
  })
})

describe('checkPassport: department code', () => {
  it('accepts the usual forms and returns NNN-NNN', () => {
    for (const departmentCode of ['770-001', '770001', '770 001']) {
      const result = check({ departmentCode })
      expect(result.ok && result.passport.departmentCode).toBe('770-001')
    }
  })

  it('refuses other text with an example, and asks for an empty one', () => {
    expect(errorsOf(check({ departmentCode: '77-0001' })).departmentCode).toMatch(/6 цифр, например 770-001/)
    expect(errorsOf(check({ departmentCode: 'abc' })).departmentCode).toMatch(/6 цифр/)
    expect(errorsOf(check({ departmentCode: '' })).departmentCode).toMatch(/^Введите код подразделения/)
  })
})

describe('checkPassport: issued by', () => {
  it('accepts the letters, digits and punctuation of real office names', () => {
    const issuedBy = `Отделом № 2 УФМС России по г. Севастополю (ул. Ленина, 1/3) «Центр» "А" – д'Арк, MVD-1`
    const result = check({ issuedBy })
    expect(result.ok && result.passport.issuedBy).toBe(issuedBy)
  })

  it('refuses script and markup tags, naming the characters not allowed', () => {
    const script = errorsOf(check({ issuedBy: '<script>alert(1)</script>' })).issuedBy
    expect(script).toMatch(/нельзя использовать «<», «>»/)
    expect(errorsOf(check({ issuedBy: '<b>ОВД</b> района' })).issuedBy).toMatch(/«<», «>»/)
    expect(errorsOf(check({ issuedBy: 'ОВД; DROP TABLE' })).issuedBy).toMatch(/«;»/)
    expect(errorsOf(check({ issuedBy: 'ОВД — район' })).issuedBy).toMatch(/«—»/)
    expect(errorsOf(check({ issuedBy: 'ОВД\u200bрайона' })).issuedBy).toMatch(/U\+200B/)
  })

  it('needs 3 to 200 characters after tidying', () => {
    expect(errorsOf(check({ issuedBy: 'ОВ' })).issuedBy).toMatch(/не короче 3/)
    expect(errorsOf(check({ issuedBy: '  О\n\n  ' })).issuedBy).toMatch(/не короче 3/)
    // Collapsed to «О В»: three characters, the inner space counted once.
    expect(check({ issuedBy: '  О    В  ' }).ok).toBe(true)
    expect(errorsOf(check({ issuedBy: '   ' })).issuedBy).toMatch(/^Укажите, кем выдан/)
    expect(check({ issuedBy: 'УВД' }).ok).toBe(true)
    expect(check({ issuedBy: 'О'.repeat(200) }).ok).toBe(true)
    expect(errorsOf(check({ issuedBy: 'О'.repeat(201) })).issuedBy).toMatch(/не длиннее 200.*сейчас 201/)
    // Inner runs of spaces do not count towards the limit.
    expect(check({ issuedBy: `${'О'.repeat(100)}${' '.repeat(150)}${'В'.repeat(99)}` }).ok).toBe(true)
  })
})

describe('checkPassport: every error at once', () => {
  it('reports all five fields together, each with its own Russian message', () => {
    const errors = errorsOf(
      checkPassport(
        {
          seriesNumber: '45O6 12345',
          issuedOn: '1900-01-01',
          issuedBy: '<script>alert(1)</script>',
          departmentCode: '77-01',
          birthDate: '1990-02-31',
        },
        TODAY,
      ),
    )
    expect(Object.keys(errors).sort()).toEqual([
      'birthDate',
      'departmentCode',
      'issuedBy',
      'issuedOn',
      'seriesNumber',
    ])
    for (const message of Object.values(errors)) expect(message).toMatch(/[А-Яа-яё]{3}/)
    expect(new Set(Object.values(errors)).size).toBe(5)
  })

  it('refuses a malformed today as a programming error', () => {
    expect(() => checkPassport(GOOD, '01.05.2026')).toThrow(/today/)
  })
})

describe('checkPassport: the passport to be replaced at 20 and 45', () => {
  // Born 15.03.1990: 20 on 15.03.2010, the old passport valid through 13.06.2010 (90 days).
  const teen = { birthDate: '1990-03-15', issuedOn: '2004-04-01' }

  it('does not warn within 90 days after the 20th birthday', () => {
    expect(warningsOf(check(teen, '2010-03-15'))).toEqual([])
    expect(warningsOf(check(teen, '2010-06-13'))).toEqual([])
  })

  it('warns from the 91st day after the 20th birthday', () => {
    const warnings = warningsOf(check(teen, '2010-06-14'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/исполнилось 20 лет 15\.03\.2010/)
    expect(warnings[0]).toMatch(/действовал до 13\.06\.2010/)
  })

  it('does not warn about a passport issued on the 20th birthday or after it', () => {
    expect(warningsOf(check({ ...teen, issuedOn: '2010-03-15' }))).toEqual([])
    expect(warningsOf(check({ ...teen, issuedOn: '2010-03-14' }))).toHaveLength(1)
  })

  // Born 01.08.1960: 45 on 01.08.2005, the old passport valid through 30.10.2005.
  const middle = { birthDate: '1960-08-01', issuedOn: '2001-01-10' }

  it('warns on both sides of the 90-day edge after the 45th birthday', () => {
    expect(warningsOf(check(middle, '2005-10-30'))).toEqual([])
    const warnings = warningsOf(check(middle, '2005-10-31'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/исполнилось 45 лет 01\.08\.2005/)
    expect(warningsOf(check({ ...middle, issuedOn: '2005-08-01' }))).toEqual([])
  })

  it('reports the missed replacement at 20 once, not again at 45', () => {
    const warnings = warningsOf(check({ birthDate: '1980-01-01', issuedOn: '1998-01-10' }))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/20 лет/)
  })

  it('counts from 1 March for someone born on 29 February in a non-leap year', () => {
    // 45 on 01.03.2025 (2025 has no 29 February); valid through 30.05.2025.
    const leap = { birthDate: '1980-02-29', issuedOn: '2001-05-05' }
    expect(warningsOf(check(leap, '2025-05-30'))).toEqual([])
    const warnings = warningsOf(check(leap, '2025-05-31'))
    expect(warnings[0]).toMatch(/исполнилось 45 лет 01\.03\.2025.*действовал до 30\.05\.2025/)
  })

  it('counts from 29 February itself in a leap year', () => {
    // 20 on 29.02.2000; valid through 29.05.2000.
    const leap = { birthDate: '1980-02-29', issuedOn: '1998-01-10' }
    expect(warningsOf(check(leap, '2000-05-29'))).toEqual([])
    expect(warningsOf(check(leap, '2000-05-30'))[0]).toMatch(/20 лет 29\.02\.2000/)
  })
})

describe('passportFieldsSchema', () => {
  it('accepts the shape and leaves the content to checkPassport', () => {
    expect(passportFieldsSchema.parse(GOOD)).toEqual(GOOD)
    const odd = { ...GOOD, seriesNumber: 'abc', issuedBy: '<script>', departmentCode: '' }
    expect(passportFieldsSchema.safeParse(odd).success).toBe(true)
  })

  it('refuses dates not in ISO form or impossible, with a Russian message', () => {
    const result = passportFieldsSchema.safeParse({
      ...GOOD,
      issuedOn: '20.06.2015',
      birthDate: '1990-02-31',
    })
    expect(result.success).toBe(false)
    const messages = result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    expect(messages).toEqual([
      expect.stringMatching(/^issuedOn: Дата выдачи паспорта: введите существующую дату/),
      expect.stringMatching(/^birthDate: Дата рождения: введите существующую дату/),
    ])
  })

  it('limits the lengths: 40 for series and number, 300 for «issued by»', () => {
    expect(passportFieldsSchema.safeParse({ ...GOOD, seriesNumber: '1'.repeat(40) }).success).toBe(true)
    expect(
      passportFieldsSchema.safeParse({ ...GOOD, seriesNumber: '1'.repeat(41) }).error?.issues[0]?.message,
    ).toBe('Серия и номер паспорта — не длиннее 40 символов')
    expect(passportFieldsSchema.safeParse({ ...GOOD, issuedBy: 'О'.repeat(300) }).success).toBe(true)
    expect(
      passportFieldsSchema.safeParse({ ...GOOD, issuedBy: 'О'.repeat(301) }).error?.issues[0]?.message,
    ).toBe('«Кем выдан» — не длиннее 300 символов')
    expect(passportFieldsSchema.safeParse({ ...GOOD, departmentCode: '1'.repeat(21) }).success).toBe(false)
  })

  it('refuses other types, missing fields and extra keys', () => {
    expect(
      passportFieldsSchema.safeParse({ ...GOOD, seriesNumber: 4506123456 }).error?.issues[0]?.message,
    ).toBe('Серия и номер паспорта: ожидался текст')
    const { birthDate: _, ...missing } = GOOD
    expect(passportFieldsSchema.safeParse(missing).success).toBe(false)
    expect(passportFieldsSchema.safeParse({ ...GOOD, note: 'x' }).success).toBe(false)
  })
})
