// Consumption between two readings of a meter, the monthly average that stands in for a
// missing reading, and the check that flags a reading far above that average.
import { addPeriods, periodsBetween } from './period'
import { divRoundHalfUp } from './rounding'

export interface ReadingPoint {
  period: string
  valuesMilli: number[]
  /** When two readings share a period, the later one counts (ties: the later in the list). */
  takenOn?: string
}

export const DEFAULT_AVERAGE_MONTHS = 6
export const DEFAULT_ANOMALY_FACTOR = 3

/**
 * One zone's consumption from `previousMilli` to `currentMilli`. A lower current value is a
 * turnover of the drums only when the clerk confirmed it (`rollover`): 99998 → 00003 on a
 * 5-digit meter is 5 units. Otherwise null, and the caller refuses the reading.
 */
export function zoneConsumption(
  previousMilli: number,
  currentMilli: number,
  digitCapacity: number,
  rollover: boolean,
): number | null {
  if (currentMilli >= previousMilli) return currentMilli - previousMilli
  if (!rollover) return null
  return currentMilli + 10 ** digitCapacity * 1000 - previousMilli
}

/** zoneConsumption for every zone of a reading (the zones in the same order as the values). */
export function readingConsumption(
  previousMilli: readonly number[],
  currentMilli: readonly number[],
  digitCapacity: number,
  rollover: boolean,
): Array<number | null> {
  return currentMilli.map((current, zone) => {
    const previous = previousMilli[zone]
    return previous === undefined ? null : zoneConsumption(previous, current, digitCapacity, rollover)
  })
}

// Whether `a` counts over `b`: the later period, or in one period the later date, or the later in the list.
function isLater(a: ReadingPoint, b: ReadingPoint): boolean {
  if (a.period !== b.period) return a.period > b.period
  return (a.takenOn ?? '') >= (b.takenOn ?? '')
}

/**
 * The monthly consumption per zone over the `months` periods before `before`: the readings in
 * [before − months, before − 1] plus the last reading before that window as the baseline,
 * (last − first) / periods between them, rounded half up to a whole milli-unit.
 *
 * Null when fewer than two readings span at least one period, and also when a zone went down
 * between the first and the last (a turnover or a replaced meter inside the window): without
 * the meter's capacity the true consumption cannot be known, and a norm is then the safer
 * estimate than a guess.
 */
export function averageMonthlyConsumption(
  readings: readonly ReadingPoint[],
  before: string,
  months = DEFAULT_AVERAGE_MONTHS,
): number[] | null {
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`months must be ≥ 1, got ${months}`)
  const from = addPeriods(before, -months)
  const counting = new Map<string, ReadingPoint>()
  for (const reading of readings) {
    if (reading.period >= before) continue
    const other = counting.get(reading.period)
    if (!other || isLater(reading, other)) counting.set(reading.period, reading)
  }
  let baseline: ReadingPoint | null = null
  let first: ReadingPoint | null = null
  let last: ReadingPoint | null = null
  for (const reading of counting.values()) {
    if (reading.period < from) {
      if (!baseline || reading.period > baseline.period) baseline = reading
    } else {
      if (!first || reading.period < first.period) first = reading
      if (!last || reading.period > last.period) last = reading
    }
  }
  if (baseline) first = baseline
  if (!first || !last) return null
  const span = periodsBetween(first.period, last.period)
  if (span < 1) return null
  if (first.valuesMilli.length !== last.valuesMilli.length || last.valuesMilli.length === 0) return null
  const average: number[] = []
  for (let zone = 0; zone < last.valuesMilli.length; zone++) {
    const difference = (last.valuesMilli[zone] as number) - (first.valuesMilli[zone] as number)
    if (difference < 0) return null
    average.push(divRoundHalfUp(difference, span))
  }
  return average
}

/**
 * True when a consumption is an anomaly: more than `factor` times a known, positive average.
 * With no history (or none used) there is nothing to compare against, so nothing is flagged.
 */
export function checkAnomaly(
  consumptionMilli: number,
  averageMilli: number | null,
  factor = DEFAULT_ANOMALY_FACTOR,
): boolean {
  return averageMilli !== null && averageMilli > 0 && consumptionMilli > factor * averageMilli
}
