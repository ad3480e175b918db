// Meter rules the card shows: whether verification (поверка) has lapsed or is about to.
import { daysBetween } from '../dates'
import type { VerificationState } from './account'

export const VERIFICATION_WARNING_DEFAULT_DAYS = 60

export function verificationState(
  today: string,
  nextVerificationOn: string,
  warningDays: number,
): { state: VerificationState; days: number } {
  const days = daysBetween(today, nextVerificationOn)
  const state: VerificationState = days < 0 ? 'lapsed' : days <= warningDays ? 'soon' : 'ok'
  return { state, days }
}
