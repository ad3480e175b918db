// Text folding for search: case folded, ё = е, Latin look-alikes inside Cyrillic words made
// Cyrillic, everything that is not a letter, digit or «/» treated as a separator.

// Latin letters that a clerk's keyboard layout or a scanned document may put inside a Russian
// word: they look the same and must match the same.
const LOOK_ALIKES: Record<string, string> = {
  a: 'а',
  b: 'в',
  c: 'с',
  e: 'е',
  h: 'н',
  k: 'к',
  m: 'м',
  o: 'о',
  p: 'р',
  t: 'т',
  x: 'х',
  y: 'у',
}
// A word that is Russian (has a Cyrillic letter) or a house number («3a»): its Latin look-alikes
// were meant as Cyrillic.
const RUSSIAN_OR_NUMBER = /[а-я0-9]/
const LATIN_LOOK_ALIKE = /[abcehkmoptxy]/g
// A hyphen inside a word («пр-т», «Римского-Корсакова», «Петров-Водкин») joins, not separates.
const INNER_HYPHEN = /(?<=[a-zа-яё])-(?=[a-zа-яё])/gu

/** Folds one word (already lower-cased): ё → е, look-alike Latin letters in a Russian word. */
function foldWord(word: string): string {
  const w = word.replace(/ё/g, 'е')
  return RUSSIAN_OR_NUMBER.test(w) ? w.replace(LATIN_LOOK_ALIKE, (ch) => LOOK_ALIKES[ch] ?? ch) : w
}

/** Splits text into folded search tokens (letters, digits and «/»), dropping everything else. */
export function searchTokens(text: string, maxChars = 200): string[] {
  const lowered = text.slice(0, maxChars).normalize('NFKC').toLowerCase().replace(INNER_HYPHEN, '')
  return lowered
    .split(/[^a-zа-яё0-9/]+/u)
    .filter((t) => t.length > 0)
    .map(foldWord)
}

/** A name or word folded the way the search index stores it. */
export function foldForSearch(text: string): string {
  return searchTokens(text, 1000).join(' ')
}
