// Instants (UTC ISO strings) as the clerk reads them: in the organisation's time zone, not the
// machine's, like every business date in the desk.
import { businessDate, DEFAULT_TIME_ZONE } from '../../../shared/dates'
import { formatDateTimeRu, formatTimeRu } from '../../../shared/zoned-format'
import { useAppStore } from '../stores/app'

export function useOrgTime() {
  const app = useAppStore()
  const zone = (): string => app.info?.organisation?.timeZone ?? DEFAULT_TIME_ZONE

  /** «14:05», or «14:05:09» with the seconds. */
  const time = (iso: string, seconds = false): string => formatTimeRu(iso, zone(), seconds)

  /** «05.03.2026 14:05» (or «14:05:09» with the seconds). */
  const dateTime = (iso: string, seconds = false): string => formatDateTimeRu(iso, zone(), seconds)

  /** «14:05» on the desk's business day, «05.03.2026 14:05» on another. */
  function timeOrDateTime(iso: string): string {
    return businessDate(new Date(iso), zone()) === app.info?.today ? time(iso) : dateTime(iso)
  }

  return { time, dateTime, timeOrDateTime }
}
