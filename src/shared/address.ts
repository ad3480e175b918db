// How an address is written on the desk and on paper.
const KIND_ABBREVIATIONS: Record<string, string> = {
  улица: 'ул.',
  проспект: 'пр-т',
  переулок: 'пер.',
  шоссе: 'ш.',
  бульвар: 'б-р',
  площадь: 'пл.',
  набережная: 'наб.',
  проезд: 'пр-д',
  тупик: 'туп.',
  спуск: 'спуск',
}

export function formatStreet(kind: string, name: string): string {
  return `${KIND_ABBREVIATIONS[kind] ?? kind} ${name}`
}

export function formatAddressLine(parts: {
  kind: string
  street: string
  house: string
  apartment: string | null
}): string {
  const flat = parts.apartment ? `, кв. ${parts.apartment}` : ''
  return `${formatStreet(parts.kind, parts.street)}, д. ${parts.house}${flat}`
}

/** An account's address as the account queries return it (columns of accounts and streets). */
export interface AccountAddressRow {
  locality: string
  street_kind: string
  street_name: string
  house: string
  apartment: string | null
}

/** «г. Севастополь, ул. Ленина, д. 5, кв. 12»: the address in one line, locality first. */
export function formatFullAddress(row: AccountAddressRow): string {
  const line = formatAddressLine({
    kind: row.street_kind,
    street: row.street_name,
    house: row.house,
    apartment: row.apartment,
  })
  return `${row.locality}, ${line}`
}

/**
 * Sort key of a house number: «5» → 50, «5а» → 51, «5б» → 52, «12/1» → 120. Houses sort by number
 * first, and the address index seeks on it.
 */
export function houseSortKey(house: string): number {
  const m = /^(\d+)\s*([а-яё])?/i.exec(house.trim())
  if (!m) return 0
  const letter = m[2] ? 'абвгдежзиклмнопрстуфхцчшщэюя'.indexOf(m[2].toLowerCase().replace('ё', 'е')) + 1 : 0
  return Number(m[1]) * 100 + Math.max(0, letter)
}
