import { describe, expect, it } from 'vitest'
import { parseSearchQuery } from '../../../../src/shared/search/query'

const address = (streetWords: string[], house: string | null, apartment: string | null) => ({
  kind: 'address',
  address: { streetWords, house, apartment },
})

describe('parseSearchQuery: account numbers', () => {
  it('reads digits as an account number, keeping leading zeros', () => {
    expect(parseSearchQuery('1000000042')).toEqual({ kind: 'number', digits: '1000000042' })
    expect(parseSearchQuery('0012')).toEqual({ kind: 'number', digits: '0012' })
  })

  it('joins digits typed with spaces or dashes', () => {
    expect(parseSearchQuery(' 10 000 000 42 ')).toEqual({ kind: 'number', digits: '1000000042' })
    expect(parseSearchQuery('100-000-0042')).toEqual({ kind: 'number', digits: '1000000042' })
  })

  it('cuts an overlong number to 20 digits', () => {
    expect(parseSearchQuery('1'.repeat(30))).toEqual({ kind: 'number', digits: '1'.repeat(20) })
  })
})

describe('parseSearchQuery: words', () => {
  it('reads a name fragment as words that may also be a street', () => {
    expect(parseSearchQuery('Иванов')).toEqual({
      kind: 'words',
      words: ['иванов'],
      street: { streetWords: ['иванов'], house: null, apartment: null },
    })
  })

  it('keeps every word for the name search and drops street kinds for the street', () => {
    expect(parseSearchQuery('иванов пётр')).toMatchObject({ kind: 'words', words: ['иванов', 'петр'] })
    expect(parseSearchQuery('ул. Ленина')).toEqual({
      kind: 'words',
      words: ['ул', 'ленина'],
      street: { streetWords: ['ленина'], house: null, apartment: null },
    })
    expect(parseSearchQuery('улица')).toEqual({ kind: 'words', words: ['улица'], street: null })
  })

  it('reads at most eight words', () => {
    const q = parseSearchQuery('а б в г д е ж з и к')
    expect(q.kind === 'words' && q.words).toEqual(['а', 'б', 'в', 'г', 'д', 'е', 'ж', 'з'])
  })

  it('finds nothing to search in punctuation, quotes and emoji', () => {
    for (const text of ['', '   ', '"', '*', '(', ')', '-', '😀🏠', '«»—…']) {
      expect(parseSearchQuery(text)).toEqual({ kind: 'empty' })
    }
  })
})

describe('parseSearchQuery: addresses as clerks type them', () => {
  it.each([
    ['нахимова 5 12', address(['нахимова'], '5', '12')],
    ['Острякова 61 кв 3', address(['острякова'], '61', '3')],
    ['пр. Нахимова, д.5, кв.12', address(['нахимова'], '5', '12')],
    ['ул Ленина д 3а', address(['ленина'], '3а', null)],
    // The house letter below is a Latin «a»: read as the Cyrillic one.
    ['ул. Ленина, дом 3a', address(['ленина'], '3а', null)],
    ['пр-т Нахимова, д. 5', address(['нахимова'], '5', null)],
    ['пр-д Рыбацкий 4', address(['рыбацкий'], '4', null)],
    ['ленина д3а кв7', address(['ленина'], '3а', '7')],
    ['Ленина 3 корп 2 кв 5', address(['ленина'], '3к2', '5')],
    ['Нахимова 5/2 12', address(['нахимова'], '5/2', '12')],
    ['кв 12 д 5 нахимова', address(['нахимова'], '5', '12')],
    ['г. Севастополь, ул. Большая Морская, д. 41', address(['большая', 'морская'], '41', null)],
    ['Героев Сталинграда 3', address(['героев', 'сталинграда'], '3', null)],
    ['ХРУСТАЛЁВА 1', address(['хрусталева'], '1', null)],
  ])('%s', (text, expected) => {
    expect(parseSearchQuery(text)).toEqual(expected)
  })

  it('ignores numbers beyond house and flat', () => {
    expect(parseSearchQuery('нахимова 5 12 99')).toEqual(address(['нахимова'], '5', '12'))
  })

  it('reads an address without a street as an address with no street words', () => {
    expect(parseSearchQuery('д 5 кв 12')).toEqual(address([], '5', '12'))
  })
})
