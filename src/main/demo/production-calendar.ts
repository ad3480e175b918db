// The Russian production calendar (производственный календарь) the demo offices work to: the
// non-working holidays (ТК РФ ст. 112) with the days off moved by the Government, the shortened
// pre-holiday days (ст. 95: an hour shorter) and the weekend days made working days.
// 2026: as published (постановление Правительства РФ от 24.09.2025 № 1466 — holidays 1–11
// January with 3 January moved to 9 January and 4 January to 31 December; 21–23 February;
// 7–9 March; 1–3 and 9–11 May; 12–14 June; 4 November; 31 December).
// 2027: by the Labour Code's rules (a holiday on a Saturday or Sunday moves to the next working
// day); the Government's transfer of the January weekend holidays is assumed to be 2 January →
// 22 February and 3 January → 31 December — an administrator replaces it with the published one
// (Настройки → Запись на приём → Производственный календарь → Загрузить из текста).
import type { CalendarDay } from '../../shared/domain/appointment-admin'

const NEW_YEAR = 'Новогодние каникулы'

function days(list: Array<[string, CalendarDay['kind'], string]>): CalendarDay[] {
  return list.map(([date, kind, name]) => ({ date, kind, name }))
}

export const PRODUCTION_CALENDAR: Record<number, CalendarDay[]> = {
  2026: days([
    ['2026-01-01', 'holiday', NEW_YEAR],
    ['2026-01-02', 'holiday', NEW_YEAR],
    ['2026-01-03', 'holiday', NEW_YEAR],
    ['2026-01-04', 'holiday', NEW_YEAR],
    ['2026-01-05', 'holiday', NEW_YEAR],
    ['2026-01-06', 'holiday', NEW_YEAR],
    ['2026-01-07', 'holiday', 'Рождество Христово'],
    ['2026-01-08', 'holiday', NEW_YEAR],
    ['2026-01-09', 'holiday', 'Выходной (перенос с 3 января)'],
    ['2026-02-23', 'holiday', 'День защитника Отечества'],
    ['2026-03-08', 'holiday', 'Международный женский день'],
    ['2026-03-09', 'holiday', 'Выходной (перенос с 8 марта)'],
    ['2026-04-30', 'short', 'Предпраздничный день'],
    ['2026-05-01', 'holiday', 'Праздник Весны и Труда'],
    ['2026-05-08', 'short', 'Предпраздничный день'],
    ['2026-05-09', 'holiday', 'День Победы'],
    ['2026-05-11', 'holiday', 'Выходной (перенос с 9 мая)'],
    ['2026-06-11', 'short', 'Предпраздничный день'],
    ['2026-06-12', 'holiday', 'День России'],
    ['2026-11-03', 'short', 'Предпраздничный день'],
    ['2026-11-04', 'holiday', 'День народного единства'],
    ['2026-12-31', 'holiday', 'Выходной (перенос с 4 января)'],
  ]),
  2027: days([
    ['2027-01-01', 'holiday', NEW_YEAR],
    ['2027-01-02', 'holiday', NEW_YEAR],
    ['2027-01-03', 'holiday', NEW_YEAR],
    ['2027-01-04', 'holiday', NEW_YEAR],
    ['2027-01-05', 'holiday', NEW_YEAR],
    ['2027-01-06', 'holiday', NEW_YEAR],
    ['2027-01-07', 'holiday', 'Рождество Христово'],
    ['2027-01-08', 'holiday', NEW_YEAR],
    ['2027-02-22', 'holiday', 'Выходной (перенос с 2 января)'],
    ['2027-02-23', 'holiday', 'День защитника Отечества'],
    ['2027-03-08', 'holiday', 'Международный женский день'],
    ['2027-04-30', 'short', 'Предпраздничный день'],
    ['2027-05-01', 'holiday', 'Праздник Весны и Труда'],
    ['2027-05-03', 'holiday', 'Выходной (перенос с 1 мая)'],
    ['2027-05-09', 'holiday', 'День Победы'],
    ['2027-05-10', 'holiday', 'Выходной (перенос с 9 мая)'],
    ['2027-06-11', 'short', 'Предпраздничный день'],
    ['2027-06-12', 'holiday', 'День России'],
    ['2027-06-14', 'holiday', 'Выходной (перенос с 12 июня)'],
    ['2027-11-03', 'short', 'Предпраздничный день'],
    ['2027-11-04', 'holiday', 'День народного единства'],
    ['2027-12-31', 'holiday', 'Выходной (перенос с 3 января)'],
  ]),
}
