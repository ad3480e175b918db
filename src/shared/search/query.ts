// Understands what the clerk typed into the one search field: an account number, a name
// fragment, or an address typed the way clerks type it («нахимова 5 12», «Острякова 61 кв 3»).
import { searchTokens } from '../text/normalize'

export interface AddressQuery {
  /** Folded words that must all occur in the street's name. */
  streetWords: string[]
  house: string | null
  apartment: string | null
}

export type SearchQuery =
  | { kind: 'empty' }
  | { kind: 'number'; digits: string }
  /** «паспорт 4506 123456»: series and number digits, looked up by keyed hash. */
  | { kind: 'passport'; digits: string }
  /** Words only: a name fragment, or a street. */
  | { kind: 'words'; words: string[]; street: AddressQuery | null }
  | { kind: 'address'; address: AddressQuery }

const MAX_TOKENS = 8
const MAX_NUMBER_DIGITS = 20

// Words that name the kind of street or the city: they say nothing about which street it is.
const STREET_NOISE = new Set([
  'г',
  'гор',
  'город',
  'севастополь',
  'ул',
  'улица',
  'пр',
  'прт',
  'просп',
  'проспект',
  'пер',
  'переулок',
  'ш',
  'шоссе',
  'бр',
  'бул',
  'бульвар',
  'пл',
  'площадь',
  'наб',
  'набережная',
  'проезд',
  'прд',
  'туп',
  'тупик',
  'спуск',
])
const HOUSE_MARKERS = new Set(['д', 'дом'])
const APARTMENT_MARKERS = new Set(['кв', 'квартира', 'ком', 'комн'])
const BUILDING_MARKERS = new Set(['к', 'корп', 'корпус', 'стр', 'строение', 'лит', 'литера'])
const MARKED_NUMBER = /^(д|дом|кв|квартира|к|корп|корпус|стр)(\d.*)$/
const HOUSE_LIKE = /^\d+[а-я]?(\/\d+[а-я]?)?$/

function expandMarkers(tokens: string[]): string[] {
  return tokens.flatMap((t) => {
    const m = MARKED_NUMBER.exec(t)
    return m ? [m[1] as string, m[2] as string] : [t]
  })
}

function parseAddress(tokens: string[]): AddressQuery {
  const streetWords: string[] = []
  let house: string | null = null
  let building: string | null = null
  let apartment: string | null = null
  let expect: 'house' | 'apartment' | 'building' | null = null
  for (const token of tokens) {
    if (HOUSE_MARKERS.has(token)) expect = 'house'
    else if (APARTMENT_MARKERS.has(token)) expect = 'apartment'
    else if (BUILDING_MARKERS.has(token) && house !== null) expect = 'building'
    else if (HOUSE_LIKE.test(token)) {
      const slot = expect ?? (house === null ? 'house' : apartment === null ? 'apartment' : null)
      if (slot === 'house' && house === null) house = token
      else if (slot === 'building' && building === null) building = token
      else if (slot === 'apartment' && apartment === null) apartment = token
      expect = null
    } else if (!STREET_NOISE.has(token) && !/\d/.test(token)) streetWords.push(token)
  }
  if (house !== null && building !== null) house = `${house}к${building}`
  return { streetWords, house, apartment }
}

const PASSPORT_WORDS = new Set(['паспорт', 'паспорта', 'пасп', 'п'])

export function parseSearchQuery(text: string): SearchQuery {
  const tokens = expandMarkers(searchTokens(text)).slice(0, MAX_TOKENS)
  if (tokens.length === 0) return { kind: 'empty' }
  if (
    tokens.length > 1 &&
    PASSPORT_WORDS.has(tokens[0] as string) &&
    tokens.slice(1).every((t) => /^\d+$/.test(t))
  ) {
    return { kind: 'passport', digits: tokens.slice(1).join('').slice(0, MAX_NUMBER_DIGITS) }
  }
  if (tokens.every((t) => /^\d+$/.test(t))) {
    return { kind: 'number', digits: tokens.join('').slice(0, MAX_NUMBER_DIGITS) }
  }
  if (tokens.some((t) => /\d/.test(t))) {
    return { kind: 'address', address: parseAddress(tokens) }
  }
  const streetWords = tokens.filter((t) => !STREET_NOISE.has(t))
  return {
    kind: 'words',
    words: tokens,
    street: streetWords.length > 0 ? { streetWords, house: null, apartment: null } : null,
  }
}
