// Zone names of a multi-zone electricity meter, in the order of its values.
export type ZoneNameKey = 'day' | 'night' | 'peak' | 'halfPeak'

const ZONES: Record<number, ZoneNameKey[]> = {
  2: ['day', 'night'],
  3: ['peak', 'halfPeak', 'night'],
}

/** The zones' names («день», «ночь»…); a one-zone meter has none. */
export function zoneNames(zones: number, t: (key: string) => string): string[] {
  return (ZONES[zones] ?? []).map((key) => t(`readings.zone.${key}`))
}

/** How a list of values of one reading reads: «12 345 / 6 789». */
export function joinZones(values: string[]): string {
  return values.join(' / ')
}
