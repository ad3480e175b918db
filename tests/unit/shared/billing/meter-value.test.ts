import { describe, expect, it } from 'vitest'
import { formatMeterValue, parseMeterValue } from '../../../../src/shared/billing/meter-value'

const WATER = { digitCapacity: 5, fractionDigits: 3 }
const ELECTRICITY = { digitCapacity: 5, fractionDigits: 0 }
const ONE_DECIMAL = { digitCapacity: 6, fractionDigits: 1 }

function message(text: string, meter = WATER): string {
  const result = parseMeterValue(text, meter)
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be refused, got ${result.milli}`)
  return result.message
}

describe('parseMeterValue: the good forms', () => {
  it.each([
    ['12345', WATER, 12_345_000],
    ['12345.678', WATER, 12_345_678],
    ['12345,678', WATER, 12_345_678],
    ['  12345,678\t', WATER, 12_345_678],
    ['12345,6', WATER, 12_345_600],
    ['12345,06', WATER, 12_345_060],
    ['0', WATER, 0],
    ['00003', ELECTRICITY, 3000],
    ['00000', ELECTRICITY, 0],
    ['99998', ELECTRICITY, 99_998_000],
    ['1', ELECTRICITY, 1000],
    ['123456,7', ONE_DECIMAL, 123_456_700],
    ['12 345,678', WATER, 12_345_678],
    ['12\u00a0345,678', WATER, 12_345_678],
  ])('%j on a %o meter → %i milli', (text, meter, milli) => {
    expect(parseMeterValue(text, meter)).toEqual({ ok: true, milli })
  })

  it('reads back what formatMeterValue prints', () => {
    expect(parseMeterValue(formatMeterValue(12_345_678, 3), WATER)).toEqual({ ok: true, milli: 12_345_678 })
  })
})

describe('parseMeterValue: refusals, each with its own message', () => {
  it('refuses an empty value', () => {
    expect(message('')).toBe('Введите показание прибора.')
    expect(message('   ')).toBe('Введите показание прибора.')
  })

  it.each(['-5', '-0', '−12345', ' -12,5'])('refuses a negative value %j', (text) => {
    expect(message(text)).toBe('Показание не может быть отрицательным: введите число с прибора без минуса.')
  })

  it.each(['12a45', 'abc', 'двенадцать', '1e5', '12345кВт'])('refuses letters in %j', (text) => {
    expect(message(text)).toBe('В показании есть буквы: введите только цифры с прибора.')
  })

  it('refuses 12 digits on a 5-digit meter, saying how many it has', () => {
    expect(message('123456789012', ELECTRICITY)).toBe(
      'У прибора 5 цифр до запятой, а введено 12: проверьте показание.',
    )
    expect(message('123456', ELECTRICITY)).toBe(
      'У прибора 5 цифр до запятой, а введено 6: проверьте показание.',
    )
    expect(message('12345', { digitCapacity: 4, fractionDigits: 0 })).toBe(
      'У прибора 4 цифры до запятой, а введено 5: проверьте показание.',
    )
  })

  it('counts typed leading zeros as digits: six typed on five drums is a misreading', () => {
    expect(message('012345', ELECTRICITY)).toBe(
      'У прибора 5 цифр до запятой, а введено 6: проверьте показание.',
    )
  })

  it.each(['12345,6', '12345.0', '12345,'])('refuses any fraction on a meter without one: %j', (text) => {
    expect(message(text, ELECTRICITY)).toBe(
      'У этого прибора нет дробной части: введите только цифры до запятой.',
    )
  })

  it('refuses more fraction digits than the meter shows', () => {
    expect(message('12345,6789')).toBe(
      'У этого прибора после запятой не больше 3 знаков: проверьте показание.',
    )
    expect(message('12345,67', ONE_DECIMAL)).toBe(
      'У этого прибора после запятой не больше 1 знака: проверьте показание.',
    )
  })

  it('reads at most three fraction digits, the resolution of milli-units', () => {
    const fine = { digitCapacity: 5, fractionDigits: 4 }
    expect(parseMeterValue('12345,678', fine)).toEqual({ ok: true, milli: 12_345_678 })
    expect(message('12345,6789', fine)).toBe(
      'У этого прибора после запятой не больше 3 знаков: проверьте показание.',
    )
  })

  it.each(['1,2,3', '1.2.3', '12.345,678', '12,,3'])('refuses more than one separator: %j', (text) => {
    expect(message(text)).toBe(
      'В показании несколько разделителей: оставьте одну запятую перед дробной частью.',
    )
  })

  it.each([',5', '12345,'])('refuses a separator without digits on both sides: %j', (text) => {
    expect(message(text)).toBe('Введите цифры и до, и после запятой, например 12345,678.')
  })

  it.each(['+5', '12_345', '12/3', '5-3', '12;5', '12345, 678'])('refuses other characters: %j', (text) => {
    expect(message(text)).toBe('Введите показание цифрами, дробную часть — через запятую.')
  })

  it.each(['1 2345', '123 45', '12  345'])('refuses spaces that are not thousands grouping: %j', (text) => {
    expect(message(text)).toBe('Уберите пробелы внутри показания.')
  })

  it('gives distinct messages for the distinct faults', () => {
    const messages = new Set([
      message(''),
      message('-1'),
      message('abc'),
      message('123456', ELECTRICITY),
      message('1,5', ELECTRICITY),
      message('1,5678'),
      message('1,2,3'),
      message('+1'),
      message(',5'),
      message('1 2'),
    ])
    expect(messages.size).toBe(10)
  })
})

describe('formatMeterValue', () => {
  it('groups thousands with a no-break space and uses a decimal comma', () => {
    expect(formatMeterValue(12_345_678, 3)).toBe('12\u00a0345,678')
    expect(formatMeterValue(12_345_000, 0)).toBe('12\u00a0345')
    expect(formatMeterValue(1_234_567_000, 0)).toBe('1\u00a0234\u00a0567')
    expect(formatMeterValue(999_000, 0)).toBe('999')
    expect(formatMeterValue(3000, 0)).toBe('3')
    expect(formatMeterValue(0, 3)).toBe('0,000')
    expect(formatMeterValue(5, 3)).toBe('0,005')
    expect(formatMeterValue(12_345_600, 1)).toBe('12\u00a0345,6')
  })

  it('matches ru-RU number formatting', () => {
    expect(formatMeterValue(12_345_678, 3)).toBe(
      (12345.678).toLocaleString('ru-RU', { minimumFractionDigits: 3, maximumFractionDigits: 3 }),
    )
  })

  it('rounds half away from zero to the meter digits, negatives included', () => {
    expect(formatMeterValue(12_345_500, 0)).toBe('12\u00a0346')
    expect(formatMeterValue(12_345_499, 0)).toBe('12\u00a0345')
    expect(formatMeterValue(1_250, 1)).toBe('1,3')
    expect(formatMeterValue(-2_750, 3)).toBe('-2,750')
    expect(formatMeterValue(-2_500, 0)).toBe('-3')
    expect(formatMeterValue(-400, 0)).toBe('0')
  })
})
