import { describe, expect, it } from 'vitest'
import { formatAmount, formatMoney, parseRubles, plainAmount } from '../../../src/shared/money'

const read = (text: string, allowZero = false) => parseRubles(text, { label: 'Сумма', allowZero })

describe('parseRubles', () => {
  it.each([
    ['1234', 123_400],
    ['1 234,56', 123_456],
    ['1\u00a0234,5', 123_450],
    ['1234.56', 123_456],
    ['0,01', 1],
    ['  99 ₽ ', 9_900],
    ['007', 700],
    ['999 999,99', 99_999_999],
  ])('reads %j as %i kopecks', (text, kopecks) => {
    expect(read(text)).toEqual({ ok: true, kopecks })
  })

  it.each([
    ['', 'введите сумму'],
    ['0', 'больше нуля'],
    ['-5', 'отрицательной'],
    ['1,234.567', 'один разделитель'],
    ['12,345', 'не больше двух цифр'],
    ['1e9', 'только цифры'],
    ['сто', 'только цифры'],
    ['12 34', 'только цифры'],
    ['1000000', 'не больше'],
    ['99999999999999999999', 'не больше'],
  ])('refuses %j: %s', (text, message) => {
    const r = read(text)
    expect(r.ok).toBe(false)
    expect(!r.ok && r.message).toMatch(new RegExp(`^Сумма: .*${message}`))
  })

  it('allows zero where asked (a float, a count)', () => {
    expect(read('0', true)).toEqual({ ok: true, kopecks: 0 })
  })
})

describe('formatting', () => {
  it('formats kopecks exactly', () => {
    expect(formatMoney(123_456)).toBe('1\u00a0234,56\u00a0₽')
    expect(formatAmount(-5_000)).toBe('\u221250,00')
    expect(plainAmount(123_405)).toBe('1234.05')
    expect(plainAmount(-7)).toBe('-0.07')
  })
})
