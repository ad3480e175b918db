// Where each message of the readings form is shown: a zone's value, the date, a new meter's
// field, or a meter as a whole — for the checks' issues and for the server's refusals alike.
import type { ReadingIssue } from '../../../../shared/domain/billing'

export const REPLACEMENT_FIELDS = [
  'serial',
  'digitCapacity',
  'fractionDigits',
  'installedOn',
  'nextVerificationOn',
] as const

/** The keys of the form's messages: a zone's field, the date, a replacement field, or a meter. */
export const fieldKey = {
  value: (meterId: string, zone: number) => `value:${meterId}:${zone}`,
  start: (meterId: string, zone: number) => `start:${meterId}:${zone}`,
  replacement: (meterId: string, name: string) => `replacement:${meterId}:${name}`,
  meter: (meterId: string) => `meter:${meterId}`,
  takenOn: 'takenOn',
} as const

/** Which meters the form shows, and which of them are being replaced. */
export interface FormMeters {
  has(meterId: string): boolean
  /** The meters with a replacement recorded, in the form's order. */
  replacing(): string[]
}

/** The checks' errors at their fields (confirmations are not errors: they go beside the meter). */
export function placeIssues(found: ReadingIssue[], meters: FormMeters): Record<string, string> {
  const placed: Record<string, string> = {}
  const put = (key: string, text: string): void => {
    placed[key] = placed[key] && placed[key] !== text ? `${placed[key]} ${text}` : text
  }
  for (const issue of found) {
    if (issue.level !== 'error') continue
    if (issue.code === 'date' && (issue.meterId === '' || !meters.has(issue.meterId))) {
      put(fieldKey.takenOn, issue.message)
    } else if (issue.zone !== null && meters.has(issue.meterId)) {
      put(fieldKey.value(issue.meterId, issue.zone), issue.message)
    } else if (issue.meterId) {
      put(fieldKey.meter(issue.meterId), issue.message)
    } else {
      put(fieldKey.takenOn, issue.message)
    }
  }
  return placed
}

/**
 * The server's per-field messages of a refused call: the contract's own field names (takenOn,
 * the new meter's fields), '<meterId>.<zone>' and '<meterId>' from a refused posting.
 */
export function placeServerFields(
  fields: Record<string, string>,
  meters: FormMeters,
): Record<string, string> {
  const placed: Record<string, string> = {}
  const replacing = meters.replacing()[0]
  for (const [name, text] of Object.entries(fields)) {
    const [id, zone] = name.split('.')
    if (name === 'takenOn' || name === 'source') placed[fieldKey.takenOn] = text
    else if (id && meters.has(id) && zone !== undefined && /^\d$/.test(zone)) {
      placed[fieldKey.value(id, Number(zone))] = text
    } else if (id && meters.has(id)) placed[fieldKey.meter(id)] = text
    else if (replacing && (REPLACEMENT_FIELDS as readonly string[]).includes(name)) {
      placed[fieldKey.replacement(replacing, name)] = text
    }
  }
  return placed
}
