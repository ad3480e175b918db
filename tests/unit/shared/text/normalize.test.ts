import { describe, expect, it } from 'vitest'
import { foldForSearch, searchTokens } from '../../../../src/shared/text/normalize'

describe('searchTokens', () => {
  it('folds case and ё to е', () => {
    expect(searchTokens('КОРОЛЁВ')).toEqual(['королев'])
    expect(searchTokens('Соловьёва Алёна')).toEqual(['соловьева', 'алена'])
    expect(searchTokens('ёЁ')).toEqual(['ее'])
  })

  it('keeps й and composes a decomposed ё before folding', () => {
    expect(searchTokens('Йошкар Ола')).toEqual(['йошкар', 'ола'])
    expect(searchTokens('Корол\u0435\u0308в')).toEqual(['королев'])
  })

  it('makes Latin look-alikes inside a Cyrillic word Cyrillic', () => {
    // K, o, p, o are Latin here; «лёв» is Cyrillic.
    expect(searchTokens('Kopoлёв')).toEqual(['королев'])
    expect(searchTokens('ИвAHOB')).toEqual(['иванов'])
    expect(searchTokens('нaxимoвa')).toEqual(['нахимова'])
  })

  it('reads a Latin look-alike letter of a house number as Cyrillic', () => {
    expect(searchTokens('д 3a')).toEqual(['д', '3а'])
    expect(searchTokens('12B')).toEqual(['12в'])
  })

  it('joins a word hyphenated inside («пр-т», «Римского-Корсакова»), not one between words', () => {
    expect(searchTokens('пр-т Нахимова')).toEqual(['прт', 'нахимова'])
    expect(searchTokens('Римского-Корсакова')).toEqual(['римскогокорсакова'])
    expect(searchTokens('Иванов - 5')).toEqual(['иванов', '5'])
  })

  it('leaves words without Cyrillic letters Latin', () => {
    expect(searchTokens('Smith CAT')).toEqual(['smith', 'cat'])
    expect(searchTokens('AND')).toEqual(['and'])
  })

  it('drops punctuation and emoji as separators', () => {
    expect(searchTokens('Иванов, Пётр!')).toEqual(['иванов', 'петр'])
    expect(searchTokens('😀Иванов🏠Пётр')).toEqual(['иванов', 'петр'])
    expect(searchTokens(`"*()-'; --`)).toEqual([])
    expect(searchTokens('пр.Нахимова,д.5')).toEqual(['пр', 'нахимова', 'д', '5'])
  })

  it('keeps digits and the slash of a house number', () => {
    expect(searchTokens('д. 5/2, кв. 12')).toEqual(['д', '5/2', 'кв', '12'])
  })

  it('reads at most maxChars characters', () => {
    expect(searchTokens(`${'а'.repeat(10)} б`, 10)).toEqual(['а'.repeat(10)])
    expect(searchTokens('я '.repeat(10_000)).length).toBe(100)
  })
})

describe('foldForSearch', () => {
  it('joins the folded tokens with single spaces', () => {
    expect(foldForSearch('  улица   Хрусталёва ')).toBe('улица хрусталева')
    expect(foldForSearch('Лётчиков')).toBe(foldForSearch('ЛЕТЧИКОВ'))
  })
})
