// Free text a clerk types (names, reasons, comments, payers) as it is stored and printed: one
// Unicode form, no control, direction-override or zero-width characters, single spaces. Pasted
// text brings them in unseen; on a receipt or in a search they would hide or reorder what is read.
import { z } from 'zod'

// Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), direction marks, and
// zero-width characters (U+200B–U+200D, U+2060, U+FEFF).
const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u200b-\u200d\u2060\ufeff]/gu
// C0 and C1 controls (ESC, BEL, …), read after whitespace has become spaces.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/gu
const WHITESPACE = /\s+/gu

export const NUL_MESSAGE =
  'В тексте есть невидимый нулевой символ: наберите текст заново, не вставляя его из другой программы'

/** The text as it is kept: NFC, invisible and control characters removed, spaces collapsed, trimmed. */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(WHITESPACE, ' ')
    .replace(CONTROL, '')
    .replace(WHITESPACE, ' ')
    .trim()
}

export interface FreeTextRules {
  max: number
  /** Said when the cleaned text is longer than `max`. */
  tooLong: string
  min?: number
  /** Said when the cleaned text is shorter than `min`. */
  tooShort?: string
  /** Said when the value is not text at all (or missing). */
  notText?: string
}

/** A contract field of free text: refuses NUL, cleans the rest, then checks the length. */
export function freeText(rules: FreeTextRules) {
  return z
    .string(rules.notText ? { message: rules.notText } : undefined)
    .refine((text) => !text.includes('\u0000'), { message: NUL_MESSAGE, abort: true })
    .transform(cleanText)
    .pipe(
      z
        .string()
        .min(rules.min ?? 0, rules.tooShort)
        .max(rules.max, rules.tooLong),
    )
}
