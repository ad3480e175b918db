// The appointment ticket the customer takes away: office and its address, date, time, topic,
// ticket code and what to bring. Pure: built from the booked appointment.
import { formatDateRu } from '../../../shared/dates'
import type { DocumentBlock, PrintDocument } from '../../../shared/print/document'

export interface TicketInput {
  organisationName: string
  office: { name: string; address: string; phone: string }
  date: string
  starts: string
  ends: string
  topicName: string
  ticketCode: string
  personName: string
  accountNumber: string | null
  whatToBring: string
}

const WEEKDAYS = ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота']

export function buildTicket(input: TicketInput): PrintDocument {
  const [y, m, d] = input.date.split('-').map(Number) as [number, number, number]
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] as string
  const blocks: DocumentBlock[] = [
    { kind: 'title', text: 'Запись на приём' },
    { kind: 'text', text: input.organisationName, align: 'center' },
    { kind: 'separator' },
    { kind: 'text', text: `Талон ${input.ticketCode}`, align: 'center', emphasis: 'large' },
    { kind: 'field', label: 'Дата', value: `${formatDateRu(input.date)}, ${weekday}`, emphasis: 'bold' },
    { kind: 'field', label: 'Время', value: `${input.starts}–${input.ends}`, emphasis: 'bold' },
    { kind: 'field', label: 'Тема', value: input.topicName },
    { kind: 'field', label: 'Посетитель', value: input.personName },
  ]
  if (input.accountNumber) blocks.push({ kind: 'field', label: 'Лицевой счёт', value: input.accountNumber })
  blocks.push(
    { kind: 'separator' },
    { kind: 'field', label: 'Отделение', value: input.office.name },
    { kind: 'field', label: 'Адрес', value: input.office.address },
  )
  if (input.office.phone) blocks.push({ kind: 'field', label: 'Телефон', value: input.office.phone })
  if (input.whatToBring.trim()) {
    blocks.push({ kind: 'separator' }, { kind: 'text', text: 'Возьмите с собой:', emphasis: 'bold' })
    for (const item of input.whatToBring
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean)) {
      blocks.push({ kind: 'text', text: `• ${item}` })
    }
  }
  blocks.push(
    { kind: 'separator' },
    {
      kind: 'text',
      text: 'Назовите код талона у стойки отделения. Не сможете прийти — позвоните, чтобы отменить запись.',
      emphasis: 'small',
    },
  )
  return { title: `Талон ${input.ticketCode}`, blocks }
}
