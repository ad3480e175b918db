import { describe, expect, it } from 'vitest'
import { toPosPrintData } from '../../../../../src/main/printing/pos-data'
import { buildTicket, type TicketInput } from '../../../../../src/main/services/documents/ticket'
import { renderDocumentHtml } from '../../../../../src/shared/print/render-html'

const TICKET: TicketInput = {
  organisationName: 'ЕИРЦ Севастополь',
  office: {
    name: 'Гагаринское отделение',
    address: 'пр. Октябрьской Революции, 20',
    phone: '+7 (8692) 00-00-01',
  },
  date: '2026-11-23',
  starts: '10:30',
  ends: '11:00',
  topicName: 'Открытие лицевого счёта',
  ticketCode: 'О-472',
  personName: 'Ковалёва Светлана Максимовна',
  accountNumber: null,
  whatToBring: 'Паспорт; выписка из ЕГРН; СНИЛС',
}

describe('buildTicket', () => {
  it('says where, when, what about, the code and what to bring', () => {
    expect(buildTicket(TICKET)).toMatchSnapshot()
  })

  it('prints a hostile name literally on A4 and on the roll', () => {
    const doc = buildTicket({ ...TICKET, personName: '<img src=x onerror=alert(1)>' })
    expect(renderDocumentHtml(doc, 'a4')).not.toMatch(/<img src=x/)
    const values = toPosPrintData(doc, 'thermal58')
      .map((l) => ('value' in l && typeof l.value === 'string' ? l.value : ''))
      .join('\n')
    expect(values).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })
})
