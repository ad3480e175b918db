// Instants (UTC ISO strings) as the clerk reads them: in the organisation's time zone, not the
// machine's, like every business date in the desk.
import { DEFAULT_TIME_ZONE } from '../../../shared/dates'
import { useAppStore } from '../stores/app'

export function useOrgTime() {
  const app = useAppStore()
  const zone = (): string => app.info?.organisation?.timeZone ?? DEFAULT_TIME_ZONE

  /** «14:05». */
  function time(iso: string): string {
    return new Date(iso).toLocaleTimeString('ru-RU', { hour: '2-digit', minute: '2-digit', timeZone: zone() })
  }

  /** «05.03.2026 14:05». */
  function dateTime(iso: string): string {
    const d = new Date(iso)
    const date = d.toLocaleDateString('ru-RU', {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      timeZone: zone(),
    })
    return `${date} ${time(iso)}`
  }

  return { time, dateTime }
}
