// Instants (UTC ISO strings) as the clerk reads them: in the organisation's time zone, not the
// machine's, like every business date in the desk.
import { businessDate, DEFAULT_TIME_ZONE } from '../../../shared/dates'
import { useAppStore } from '../stores/app'

export function useOrgTime() {
  const app = useAppStore()
  const zone = (): string => app.info?.organisation?.timeZone ?? DEFAULT_TIME_ZONE

  /** «14:05», or «14:05:09» with the seconds. */
  function time(iso: string, seconds = false): string {
    return new Date(iso).toLocaleTimeString('ru-RU', {
      hour: '2-digit',
      minute: '2-digit',
      ...(seconds ? { second: '2-digit' } : {}),
      timeZone: zone(),
    })
  }

  /** «05.03.2026 14:05» (or «14:05:09» with the seconds). */
  function dateTime(iso: string, seconds = false): string {
    const d = new Date(iso)
    const date = d.toLocaleDateString('ru-RU', {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      timeZone: zone(),
    })
    return `${date} ${time(iso, seconds)}`
  }

  /** «14:05» on the desk's business day, «05.03.2026 14:05» on another. */
  function timeOrDateTime(iso: string): string {
    return businessDate(new Date(iso), zone()) === app.info?.today ? time(iso) : dateTime(iso)
  }

  return { time, dateTime, timeOrDateTime }
}
