import { describe, expect, it } from 'vitest'
import {
  checkPersonName,
  personNameSchema,
  type PersonNameCheck,
  type PersonNameFields,
} from '../../../src/shared/person-name'

const GOOD: PersonNameFields = { surname: 'Иванова', firstName: 'Мария', patronymic: 'Петровна' }

function nameOf(result: PersonNameCheck) {
  if (!result.ok) throw new Error(`expected a valid name, got ${JSON.stringify(result.errors)}`)
  return result.name
}

function errorsOf(result: PersonNameCheck) {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.name)}`)
  return result.errors
}

describe('checkPersonName: good names', () => {
  it('returns the three parts', () => {
    expect(checkPersonName(GOOD)).toEqual({
      ok: true,
      name: { surname: 'Иванова', firstName: 'Мария', patronymic: 'Петровна' },
    })
  })

  it('trims and collapses inner spaces', () => {
    expect(
      nameOf(
        checkPersonName({
          surname: '  Иванова ',
          firstName: 'Анна\t \u00a0Мария',
          patronymic: ' Петровна\n',
        }),
      ),
    ).toEqual({
      surname: 'Иванова',
      firstName: 'Анна Мария',
      patronymic: 'Петровна',
    })
  })

  it.each([
    'Римский-Корсаков',
    "Д'Артаньян",
    'Мамед оглы',
    'Королёв',
    'Салтыков-Щедрин',
    'Smith',
    "O'Brien-Smith",
  ])('accepts «%s»', (surname) => {
    expect(nameOf(checkPersonName({ ...GOOD, surname })).surname).toBe(surname)
  })

  it('writes a typographic apostrophe as a plain one', () => {
    expect(nameOf(checkPersonName({ ...GOOD, surname: 'Д’Артаньян' })).surname).toBe("Д'Артаньян")
  })

  it('composes a decomposed ё', () => {
    expect(nameOf(checkPersonName({ ...GOOD, surname: 'Корол\u0435\u0308в' })).surname).toBe('Королёв')
  })

  it('keeps capitalisation as typed', () => {
    expect(
      nameOf(checkPersonName({ surname: 'ИВАНОВА', firstName: 'мария', patronymic: 'пЕТРОВНА' })),
    ).toEqual({
      surname: 'ИВАНОВА',
      firstName: 'мария',
      patronymic: 'пЕТРОВНА',
    })
  })

  it('accepts one-letter and 60-letter parts', () => {
    expect(nameOf(checkPersonName({ ...GOOD, firstName: 'Я' })).firstName).toBe('Я')
    expect(nameOf(checkPersonName({ ...GOOD, surname: 'Ж'.repeat(60) })).surname).toHaveLength(60)
  })

  it('makes an empty or missing patronymic null', () => {
    for (const patronymic of ['', '   ', null, undefined]) {
      expect(nameOf(checkPersonName({ ...GOOD, patronymic })).patronymic).toBeNull()
    }
    expect(nameOf(checkPersonName({ surname: 'Smith', firstName: 'John' })).patronymic).toBeNull()
  })
})

describe('checkPersonName: bad names', () => {
  it('requires the surname and the first name', () => {
    expect(errorsOf(checkPersonName({ ...GOOD, surname: '' }))).toEqual({
      surname: 'Введите фамилию, как в паспорте',
    })
    expect(errorsOf(checkPersonName({ ...GOOD, firstName: '  ' }))).toEqual({
      firstName: 'Введите имя, как в паспорте',
    })
  })

  it('refuses a 5,000-character name with a message giving the limit', () => {
    const errors = errorsOf(checkPersonName({ ...GOOD, surname: 'Ж'.repeat(5000) }))
    expect(errors.surname).toBe('Фамилия — не длиннее 60 символов, сейчас 5000')
    expect(errorsOf(checkPersonName({ ...GOOD, firstName: 'Ж'.repeat(61) })).firstName).toMatch(
      /не длиннее 60/,
    )
  })

  it('refuses digits and signs, naming them', () => {
    expect(errorsOf(checkPersonName({ ...GOOD, surname: 'Иванов2' })).surname).toMatch(/уберите «2»$/)
    expect(errorsOf(checkPersonName({ ...GOOD, surname: '<b>Иванов</b>' })).surname).toMatch(
      /«<», «>», «\/»$/,
    )
    expect(errorsOf(checkPersonName({ ...GOOD, firstName: 'Мария.' })).firstName).toMatch(/«\.»/)
    expect(errorsOf(checkPersonName({ ...GOOD, patronymic: 'Петровна\u200b' })).patronymic).toMatch(/U\+200B/)
  })

  it.each([
    '-Иванов',
    'Иванов-',
    'Римский--Корсаков',
    "Д''Артаньян",
    "'Иванов",
    'Иванов - Петров',
    "Д' Артаньян",
  ])('refuses a hyphen, apostrophe or space not between letters: «%s»', (surname) => {
    expect(errorsOf(checkPersonName({ ...GOOD, surname })).surname).toMatch(/только между буквами/)
  })

  it('refuses Latin look-alike letters inside a Russian name, naming them', () => {
    // «а» and «о» here are Latin: typed in the wrong keyboard layout.
    expect(errorsOf(checkPersonName({ ...GOOD, surname: 'Ивaнoв' })).surname).toMatch(
      /латинские буквы «a», «o» среди русских/,
    )
  })

  it('reports every part at once', () => {
    const errors = errorsOf(checkPersonName({ surname: ' ', firstName: 'М4рия', patronymic: 'Петровна-' }))
    expect(Object.keys(errors).sort()).toEqual(['firstName', 'patronymic', 'surname'])
    expect(errors.surname).toMatch(/фамилию/)
    expect(errors.firstName).toMatch(/^Имя:/)
    expect(errors.patronymic).toMatch(/^Отчество:/)
  })
})

describe('personNameSchema', () => {
  it('accepts the shape, with or without a patronymic, and leaves the content to checkPersonName', () => {
    expect(personNameSchema.parse(GOOD)).toEqual(GOOD)
    expect(personNameSchema.safeParse({ surname: 'Smith', firstName: 'John' }).success).toBe(true)
    expect(personNameSchema.safeParse({ ...GOOD, patronymic: null }).success).toBe(true)
    expect(personNameSchema.safeParse({ ...GOOD, surname: '<b>1</b>' }).success).toBe(true)
  })

  it('limits each part to 200 characters', () => {
    expect(personNameSchema.safeParse({ ...GOOD, surname: 'Ж'.repeat(200) }).success).toBe(true)
    expect(personNameSchema.safeParse({ ...GOOD, surname: 'Ж'.repeat(5000) }).error?.issues[0]?.message).toBe(
      'Фамилия — не длиннее 200 символов',
    )
    expect(
      personNameSchema.safeParse({ ...GOOD, patronymic: 'Ж'.repeat(201) }).error?.issues[0]?.message,
    ).toBe('Отчество — не длиннее 200 символов')
  })

  it('refuses other types, a missing surname and extra keys', () => {
    expect(personNameSchema.safeParse({ ...GOOD, firstName: 5 }).error?.issues[0]?.message).toBe(
      'Имя: ожидался текст',
    )
    expect(personNameSchema.safeParse({ firstName: 'Мария' }).success).toBe(false)
    expect(personNameSchema.safeParse({ ...GOOD, birthDate: '1990-01-01' }).success).toBe(false)
  })
})
