// Search answers for the renderer's tests: open accounts on one street, found by number.
import type { AccountSearchResult } from '../../../src/shared/domain/account'

export function searchResult(...numbers: string[]): AccountSearchResult {
  return {
    items: numbers.map((number) => ({
      accountId: `id-${number}`,
      number,
      address: 'ул. Ленина, д. 5',
      status: 'open',
      personName: null,
      personRole: null,
      matchedBy: 'number',
    })),
    more: false,
  }
}
