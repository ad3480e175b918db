// How an address reads on the desk and on paper: the street with its abbreviated kind, the house,
// the flat when there is one, and the locality first in the one-line form.
import { describe, expect, it } from 'vitest'
import { formatAddressLine, formatFullAddress, formatStreet } from '../../../src/shared/address'

const ROW = {
  locality: 'г. Севастополь',
  street_kind: 'улица',
  street_name: 'Ленина',
  house: '5а',
  apartment: '12',
}

describe('formatStreet and formatAddressLine', () => {
  it('abbreviates the street kind it knows and keeps any other as written', () => {
    expect(formatStreet('проспект', 'Победы')).toBe('пр-т Победы')
    expect(formatStreet('аллея', 'Дружбы')).toBe('аллея Дружбы')
  })

  it('leaves the flat out of a private house', () => {
    expect(formatAddressLine({ kind: 'переулок', street: 'Тихий', house: '3', apartment: null })).toBe(
      'пер. Тихий, д. 3',
    )
  })
})

describe('formatFullAddress', () => {
  it('puts the locality before the street, house and flat', () => {
    expect(formatFullAddress(ROW)).toBe('г. Севастополь, ул. Ленина, д. 5а, кв. 12')
  })

  it('writes a house without flats with no «кв.»', () => {
    expect(formatFullAddress({ ...ROW, apartment: null })).toBe('г. Севастополь, ул. Ленина, д. 5а')
    expect(formatFullAddress({ ...ROW, apartment: '' })).toBe('г. Севастополь, ул. Ленина, д. 5а')
  })
})
