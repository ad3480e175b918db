// The organisation's wall clock as text, whatever the machine's zone: one cache of Intl formatters
// per time zone for every process, and the Russian date/time strings built from their parts.

/**
 * `date` gives YYYY-MM-DD straight from format() (the business date, asked for often); `parts`
 * gives every field for formatToParts(): the locales' own punctuation («22.11.2026, 14:05»)
 * varies across ICU versions, so strings are assembled from parts, never taken whole.
 */
const SHAPES = {
  date: ['en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }],
  parts: [
    'en-US',
    {
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    },
  ],
} as const satisfies Record<string, readonly [string, Intl.DateTimeFormatOptions]>

export type FormatterShape = keyof typeof SHAPES

// One map per shape, keyed by the zone alone: the slot search asks thousands of times a second.
const formatters: Record<FormatterShape, Map<string, Intl.DateTimeFormat>> = {
  date: new Map(),
  parts: new Map(),
}

/** The cached formatter of `shape` in `timeZone`; a RangeError for a zone Intl does not know. */
export function zonedFormatter(timeZone: string, shape: FormatterShape): Intl.DateTimeFormat {
  const cache = formatters[shape]
  let f = cache.get(timeZone)
  if (!f) {
    const [locale, options] = SHAPES[shape]
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone })
    cache.set(timeZone, f)
  }
  return f
}

/** The wall clock of `timeZone` at `instant` as numbers (month 1–12), for arithmetic on it. */
export function zonedNumbers(instant: Date | number, timeZone: string): Record<keyof ZonedParts, number> {
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 }
  for (const p of zonedFormatter(timeZone, 'parts').formatToParts(instant)) {
    if (p.type !== 'literal' && p.type in out) out[p.type as keyof ZonedParts] = Number(p.value)
  }
  return out
}

/** The wall clock of `timeZone` at `instant`, each field zero-padded text («2026», «07», «05»). */
export interface ZonedParts {
  year: string
  month: string
  day: string
  hour: string
  minute: string
  second: string
}

export function zonedParts(instant: Date | number, timeZone: string): ZonedParts {
  const out: ZonedParts = { year: '', month: '', day: '', hour: '', minute: '', second: '' }
  for (const p of zonedFormatter(timeZone, 'parts').formatToParts(instant)) {
    if (p.type in out) out[p.type as keyof ZonedParts] = p.value
  }
  return out
}

function partsOf(iso: string, timeZone: string): ZonedParts {
  const instant = new Date(iso)
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Некорректное время: ${iso}`)
  return zonedParts(instant, timeZone)
}

function clock(p: ZonedParts, seconds: boolean): string {
  return seconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`
}

/** «14:05», or «14:05:09» with the seconds, at `iso` in `timeZone`. */
export function formatTimeRu(iso: string, timeZone: string, seconds = false): string {
  return clock(partsOf(iso, timeZone), seconds)
}

/** «22.11.2026 14:05» (or «… 14:05:09» with the seconds) at `iso` in `timeZone`. */
export function formatDateTimeRu(iso: string, timeZone: string, seconds = false): string {
  const p = partsOf(iso, timeZone)
  return `${p.day}.${p.month}.${p.year} ${clock(p, seconds)}`
}
