// Display formats for the desk.
export { formatDateRu } from '../../shared/dates'

/** 5430 hundredths of a square metre → «54,30 м²». */
export function formatArea(centiSqm: number): string {
  return `${(centiSqm / 100).toLocaleString('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} м²`
}
